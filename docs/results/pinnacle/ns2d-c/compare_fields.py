# Where a PINN solution of NS2d-C differs from the Chebyshev solution (the finest chebN.npy that
# chebyshev_check.py wrote in the working folder; N = 56 for the figures in diagnostics.md):
# python3 compare_fields.py ns2d-c-lm-fields.csv (written by gn4j pinn --problem ns2d-c --out DIR).
import numpy as np, sys
ref=np.loadtxt('/work/shared/datasets/pinnacle/lid_driven_a4.dat',comments='%')
import glob
best=max(glob.glob('cheb*.npy'), key=lambda f: int(f[4:-4]))  # the finest Chebyshev solution here
c=np.load(best)
f=np.loadtxt(sys.argv[1],delimiter=',',skiprows=1)
assert np.allclose(f[:,0],ref[:,0]) and np.allclose(f[:,1],ref[:,1])
x,y=ref[:,0],ref[:,1]
nrm=np.sqrt(np.sum(ref[:,2]**2+ref[:,3]**2))
def rel(u,v,U,V,m=slice(None)): return np.sqrt(np.sum((u[m]-U[m])**2+(v[m]-V[m])**2))/nrm
print("pinn vs file %.3e   pinn vs %s %.3e   %s vs file %.3e"%(rel(f[:,2],f[:,3],ref[:,2],ref[:,3]),best[:-4],rel(f[:,2],f[:,3],c[0],c[1]),best[:-4],rel(c[0],c[1],ref[:,2],ref[:,3])))
e2=(f[:,2]-c[0])**2+(f[:,3]-c[1])**2
regions=[('top corners (x<.05|x>.95, y>.95)',((x<0.05)|(x>0.95))&(y>0.95)),('top strip y>.9 (rest)',(y>0.9)&~(((x<0.05)|(x>0.95))&(y>0.95))),
 ('side/bottom walls within .05',(y<=0.9)&((x<0.05)|(x>0.95)|(y<0.05))),('interior',(y<=0.9)&~((x<0.05)|(x>0.95)|(y<0.05)))]
for n,m in regions: print("%-36s nodes %5d  share of err^2 %.2f  rms err %.2e"%(n,m.sum(),e2[m].sum()/e2.sum(),np.sqrt(e2[m].mean())))
i=np.argmax(e2); print("max err %.3e at (%.3f, %.3f)"%(np.sqrt(e2[i]),x[i],y[i]))
if f.shape[1]>4:
    p=f[:,4]; pr=ref[:,4]; d=p-pr; print("pressure: mean shift %.3e, rel L2 after removing mean shift %.3e"%(d.mean(), np.linalg.norm(d-d.mean())/np.linalg.norm(pr-pr.mean())))

# Lid-driven cavity of NS2d-C (lid u = 4x(1-x), nu = 0.01) by Chebyshev collocation of the streamfunction
# (Newton on nu*Lap^2 psi - psi_y (Lap psi)_x + psi_x (Lap psi)_y = 0), interpolated to the nodes of
# lid_driven_a4.dat and compared with its velocity. Usage: python3 chebyshev_check.py 16 24 32 40 48 56
import numpy as np, sys, time
import scipy.linalg as sl
nu=0.01
def cheb(N):
    x=np.cos(np.pi*np.arange(N+1)/N); c=np.hstack([2,np.ones(N-1),2])*(-1)**np.arange(N+1)
    X=np.tile(x,(N+1,1)).T; dX=X-X.T
    D=np.outer(c,1/c)/(dX+np.eye(N+1)); D=D-np.diag(D.sum(1)); return D,x
def solve(N, tol=1e-11):
    D,t=cheb(N); x=(1-t)/2  # x increasing from 0 to 1
    D=-2*D   # d/dx = dt/dx d/dt, t=1-2x -> dt/dx=-2
    I=np.eye(N+1); n=(N+1)**2
    Dx=np.kron(D,I); Dy=np.kron(I,D); Dxx=np.kron(D@D,I); Dyy=np.kron(I,D@D); L=Dxx+Dyy; L2=L@L
    idx=lambda i,j:i*(N+1)+j
    lid=4*x*(1-x)
    # row assignments
    dir_rows=[]; neu=[]  # (row, operator row vector, value)
    for i in range(N+1):
        for j in range(N+1):
            if i in (0,N) or j in (0,N): dir_rows.append(idx(i,j))
    for i in range(1,N):
        neu.append((idx(i,1), Dy[idx(i,0)], 0.0))
        neu.append((idx(i,N-1), Dy[idx(i,N)], lid[i]))
    for j in range(2,N-1):
        neu.append((idx(1,j), Dx[idx(0,j)], 0.0))
        neu.append((idx(N-1,j), Dx[idx(N,j)], 0.0))
    special=set(dir_rows)|{r for r,_,_ in neu}
    assert len(special)==len(dir_rows)+len(neu)
    psi=np.zeros(n)
    # initial guess: Stokes solve (drop nonlinearity) happens at first Newton step anyway
    for it in range(40):
        Lp=L@psi; px=Dx@psi; py=Dy@psi; Lx=Dx@Lp; Ly=Dy@Lp
        R=nu*(L2@psi) - py*Lx + px*Ly
        J=nu*L2 - (py[:,None]*(Dx@L)) - (Lx[:,None]*Dy) + (px[:,None]*(Dy@L)) + (Ly[:,None]*Dx)
        for r in dir_rows: J[r]=0; J[r,r]=1; R[r]=psi[r]
        for r,op,val in neu: J[r]=op; R[r]=op@psi-val
        dp=sl.solve(J,-R); psi+=dp
        if np.abs(dp).max()<tol: break
    print("N=%d newton its %d, last step %.1e"%(N,it+1,np.abs(dp).max()),file=sys.stderr)
    P=psi.reshape(N+1,N+1)
    U=(Dy@psi).reshape(N+1,N+1); V=(-(Dx@psi)).reshape(N+1,N+1)
    return x,U,V
def interp_matrix(xn, xe):
    # barycentric Chebyshev (second kind points) interpolation
    N=len(xn)-1; w=(-1.0)**np.arange(N+1); w[0]*=0.5; w[-1]*=0.5
    M=np.zeros((len(xe),N+1))
    for k,xv in enumerate(xe):
        d=xv-xn
        if np.any(np.abs(d)<1e-14): M[k,np.argmin(np.abs(d))]=1
        else: q=w/d; M[k]=q/q.sum()
    return M
ref=np.loadtxt('/work/shared/datasets/pinnacle/lid_driven_a4.dat',comments='%')
xs=np.unique(ref[:,0]); ys=np.unique(ref[:,1]); print("file grid", len(xs), len(ys), file=sys.stderr)
res={}
for N in [int(a) for a in sys.argv[1:]]:
    t0=time.time(); x,U,V=solve(N)
    Mx=interp_matrix(x,ref[:,0]); My=interp_matrix(x,ref[:,1])
    u=np.einsum('ki,ij,kj->k',Mx,U,My); v=np.einsum('ki,ij,kj->k',Mx,V,My)
    res[N]=(u,v)
    e=np.sqrt(np.sum((u-ref[:,2])**2+(v-ref[:,3])**2)/np.sum(ref[:,2]**2+ref[:,3]**2))
    print("N=%d  %.1fs  velocity rel L2 vs file %.3e  max %.3e"%(N,time.time()-t0,e,max(np.abs(u-ref[:,2]).max(),np.abs(v-ref[:,3]).max())))
    np.save('cheb%d.npy' % N, np.stack([u, v]))  # for compare_fields.py
Ns=sorted(res)
nrm=np.sqrt(np.sum(ref[:,2]**2+ref[:,3]**2))
for a,b in zip(Ns,Ns[1:]):
    d=np.sqrt(np.sum((res[a][0]-res[b][0])**2+(res[a][1]-res[b][1])**2))/nrm
    print("N=%d vs N=%d: rel L2 %.3e"%(a,b,d))

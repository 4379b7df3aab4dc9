# PInv noise floor: least-squares fits of the noisy observations (sigma = 0.1, N = 2500) by K x K sine bases,
# K = 1 being the exact one-parameter family c*sin(pi x) sin(pi y); relative L2 of u on the 101 x 101 grid.
import numpy as np
rng=np.random.default_rng(0)
N=2500; sig=0.1
g=np.linspace(0,1,101); X,Y=np.meshgrid(g,g); ue=np.sin(np.pi*X)*np.sin(np.pi*Y)
def rel(c,K):
    return None
for pts in ["uniform","grid50"]:
  for K in [1,2,3,4,6,8]:
    errs=[]
    for rep in range(50):
        if pts=="uniform": x=rng.random(N); y=rng.random(N)
        else:
            a=np.linspace(0,1,50); xx,yy=np.meshgrid(a,a); x=xx.ravel(); y=yy.ravel()
        d=np.sin(np.pi*x)*np.sin(np.pi*y)+sig*rng.standard_normal(N)
        B=np.stack([np.sin(m*np.pi*x)*np.sin(n*np.pi*y) for m in range(1,K+1) for n in range(1,K+1)],1)
        c,*_=np.linalg.lstsq(B,d,rcond=None)
        Be=np.stack([np.sin(m*np.pi*X)*np.sin(n*np.pi*Y) for m in range(1,K+1) for n in range(1,K+1)],-1)
        u=Be@c
        errs.append(np.linalg.norm(u-ue)/np.linalg.norm(ue))
    print(pts,"K=%d p=%d median rel L2 %.2e  (sigma*sqrt(p/N)/rms(u)=%.2e)"%(K,K*K,np.median(errs),sig*np.sqrt(K*K/N)/np.sqrt(np.mean(ue**2))))

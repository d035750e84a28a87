# Development aid: would a non-linear model over the same pair features do better than the
# shipped logistic one? Gradient-boosted trees (depth 3, 150 rounds, 32 quantile bins), fitted
# like bench/match-fit.ts: pooled with each set weighing the same, each set left out, and each
# set on itself. numpy only. docs/matching.md ("Tried and not shipped") reports the result.
#   npx tsx bench/match-fit.ts --dump /tmp/pairs.tsv && python3 bench/match-trees.py /tmp/pairs.tsv [pooled|loo|per]
import numpy as np, sys
rows=[l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
hdr=rows[0]; rows=[r for r in rows[1:] if r[3]!='copy']
names=['gva-longtail','ecbplus','basil','newswcl50','allsides-neus']
S=np.array([names.index(r[0]) for r in rows]); G={r[0]:int(r[1]) for r in rows}
y=np.array([int(r[2]) for r in rows]); X=np.array([[float(v) for v in r[3:]] for r in rows])
NB=32
edges=[np.unique(np.quantile(X[:,f],np.linspace(0,1,NB+1)[1:-1])) for f in range(X.shape[1])]
B=np.stack([np.searchsorted(edges[f],X[:,f],side='right') for f in range(X.shape[1])],1).astype(np.int16)
def fit(idx,w,T=150,depth=3,lr=0.15,lam=1.0,minw=20):
    Bi=B[idx]; yi=y[idx]; wi=w
    F=np.zeros(len(idx)); trees=[]
    base=np.log((wi*yi).sum()/(wi*(1-yi)).sum()); F+=base
    for t in range(T):
        p=1/(1+np.exp(-F)); g=(p-yi)*wi; h=p*(1-p)*wi
        nodes=[(np.arange(len(idx)),0)]; tree=[]
        leaves=[]
        def grow(ix,d):
            G_,H_=g[ix].sum(),h[ix].sum()
            if d==depth or len(ix)<2*minw: return ('L',-G_/(H_+lam)*lr)
            best=(0,None)
            for f in range(B.shape[1]):
                gs=np.bincount(Bi[ix,f],g[ix],NB); hs=np.bincount(Bi[ix,f],h[ix],NB)
                cg=np.cumsum(gs)[:-1]; ch=np.cumsum(hs)[:-1]
                gain=cg**2/(ch+lam)+(G_-cg)**2/(H_-ch+lam)-G_**2/(H_+lam)
                gain[(ch<1e-3*H_+1e-9)|((H_-ch)<1e-3*H_+1e-9)]=0
                k=int(np.argmax(gain))
                if gain[k]>best[0]: best=(gain[k],(f,k))
            if best[1] is None: return ('L',-G_/(H_+lam)*lr)
            f,k=best[1]; m=Bi[ix,f]<=k
            return ('N',f,k,grow(ix[m],d+1),grow(ix[~m],d+1))
        tr=grow(np.arange(len(idx)),0)
        F+=pred_tree(tr,Bi); trees.append(tr)
    return base,trees
def pred_tree(tr,Bm):
    out=np.zeros(len(Bm))
    def rec(t,ix):
        if t[0]=='L': out[ix]=t[1]; return
        m=Bm[ix,t[1]]<=t[2]; rec(t[3],ix[m]); rec(t[4],ix[~m])
    rec(tr,np.arange(len(Bm))); return out
def predict(model,idx):
    base,trees=model; F=np.full(len(idx),base)
    for t in trees: F+=pred_tree(t,B[idx])
    return 1/(1+np.exp(-F))
def f1at(p,yy,gold,th):
    pr=p>=th; c=(pr&(yy==1)).sum(); P=c/max(pr.sum(),1); R=c/gold
    return 2*P*R/(P+R) if P+R else 0
def weights(idx):
    w=np.zeros(len(idx))
    for s in set(S[idx]): m=S[idx]==s; w[m]=1/m.sum()
    return w*len(idx)/len(set(S[idx]))
ths=np.arange(0.2,0.7,0.02)
allidx=np.arange(len(y))
mode=sys.argv[2] if len(sys.argv)>2 else 'all'
if mode in('all','pooled'):
    m=fit(allidx,weights(allidx)); p=predict(m,allidx)
    best=max(ths,key=lambda th: np.mean([f1at(p[S==s],y[S==s],G[names[s]],th) for s in range(5)]))
    print('pooled th',round(best,2),' '.join(f"{names[s]}:{f1at(p[S==s],y[S==s],G[names[s]],best):.3f}" for s in range(5)),flush=True)
if mode in('all','loo'):
    for s in range(5):
        tr=allidx[S!=s]; m=fit(tr,weights(tr)); p=predict(m,tr)
        best=max(ths,key=lambda th: np.mean([f1at(p[S[tr]==o],y[tr][S[tr]==o],G[names[o]],th) for o in range(5) if o!=s]))
        te=allidx[S==s]; pt=predict(m,te)
        print('loo',names[s],round(best,2),f"{f1at(pt,y[te],G[names[s]],best):.3f}",flush=True)
if mode in('all','per'):
    for s in range(5):
        te=allidx[S==s]; m=fit(te,np.ones(len(te))); p=predict(m,te)
        print('per',names[s],f"{max(f1at(p,y[te],G[names[s]],th) for th in ths):.3f}",flush=True)

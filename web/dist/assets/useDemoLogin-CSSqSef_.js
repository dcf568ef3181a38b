import{C as e,I as t,M as n,ft as r,gt as i,ht as a,m as o}from"./index-BoWHM9-R.js";var s=i(a(),1),c=n(`
  mutation DemoLogin($input: DemoLoginInput!) {
    demoLogin(input: $input) {
      token
      expiresAt
    }
  }
`);function l(n){let i=r(),{signIn:a}=e(),[,l]=t(c),[u,d]=(0,s.useState)(null),[f,p]=(0,s.useState)(null);return{busy:f,error:u,logIn:e=>{f||(p(e),d(null),l({input:{persona:e}}).then(e=>{p(null);let t=e.data?.demoLogin;t?(a(o(t.token,`demo`,Date.parse(t.expiresAt))),i(n,{replace:!0})):e.error&&d(e.error)}))}}}export{l as t};
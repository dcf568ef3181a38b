import{E as e,I as t,M as n,_ as r,ft as i,gt as a,ht as o}from"./index-JCgePl-Z.js";var s=a(o(),1),c=n(`
  mutation DemoLogin($input: DemoLoginInput!) {
    demoLogin(input: $input) {
      token
      expiresAt
    }
  }
`);function l(n){let a=i(),{signIn:o}=e(),[,l]=t(c),[u,d]=(0,s.useState)(null),[f,p]=(0,s.useState)(null);return{busy:f,error:u,logIn:e=>{f||(p(e),d(null),l({input:{persona:e}}).then(e=>{p(null);let t=e.data?.demoLogin;t?(o(r(t.token,`demo`,Date.parse(t.expiresAt))),a(n,{replace:!0})):e.error&&d(e.error)}))}}}export{l as t};
import{B as e,C as t,D as n,G as r,K as i,L as a,U as o,V as s,c,g as l,h as u,k as d,o as f,p,q as m,s as h,t as g,x as _,y as v,z as y}from"./index-TB5vsFs-.js";import{t as b}from"./DateText-BO4PAvwy.js";import{t as x}from"./usePageQuery-BfRcTO7K.js";import{returnPath as S}from"./LoginPage-BYouFcjS.js";var C=m(i(),1),w=s(),T=v(`
  query DemoPersonas {
    tenant {
      demoPersonas {
        id
        bsn
        address
        documentExpiresOn
      }
    }
  }
`),E=v(`
  mutation DemoLogin($input: DemoLoginInput!) {
    demoLogin(input: $input) {
      token
      expiresAt
    }
  }
`);function D({back:r}){let i=e(),s=o(),{signIn:l}=u(),{data:d}=x({query:T}),[,m]=t(E),[g,_]=(0,C.useState)(null),[v,S]=(0,C.useState)(null);return d?(0,w.jsxs)(w.Fragment,{children:[g&&(0,w.jsx)(h,{error:p(g)}),(0,w.jsx)(`ul`,{className:`loket-personas`,children:d.tenant.demoPersonas.map((e,t)=>(0,w.jsx)(`li`,{className:`loket-persona`,children:(0,w.jsxs)(`article`,{"aria-labelledby":`persona-${t}`,children:[(0,w.jsx)(n,{id:`persona-${t}`,children:(0,w.jsx)(y,{id:`demo.persona`,defaultMessage:`Proefinwoner {number}`,description:`Name of a demo resident`,values:{number:t+1}})}),(0,w.jsxs)(`dl`,{className:`loket-facts`,children:[(0,w.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,w.jsx)(`dt`,{children:(0,w.jsx)(y,{id:`demo.address`,defaultMessage:`Woont op`,description:`Label`})}),(0,w.jsx)(`dd`,{children:e.address??(0,w.jsx)(y,{id:`demo.noAddress`,defaultMessage:`Geen adres bekend`,description:`A demo resident without an address`})})]}),(0,w.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,w.jsx)(`dt`,{children:(0,w.jsx)(y,{id:`demo.bsn`,defaultMessage:`Burgerservicenummer`,description:`Label`})}),(0,w.jsx)(`dd`,{children:e.bsn})]}),e.documentExpiresOn&&(0,w.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,w.jsx)(`dt`,{children:(0,w.jsx)(y,{id:`demo.document`,defaultMessage:`Reisdocument geldig tot`,description:`Label`})}),(0,w.jsx)(`dd`,{children:(0,w.jsx)(b,{value:e.documentExpiresOn})})]})]}),(0,w.jsx)(a,{type:`button`,appearance:`primary-action-button`,busy:v===e.id,"aria-disabled":v!==null||void 0,onClick:()=>{v||(S(e.id),_(null),m({input:{persona:e.id}}).then(e=>{S(null);let t=e.data?.demoLogin;t?(l(c(t.token,`demo`,Date.parse(t.expiresAt))),s(r,{replace:!0})):e.error&&_(e.error)}))},children:i.formatMessage({id:`demo.login`,defaultMessage:`Inloggen als proefinwoner {number}`,description:`Button to log in as a demo resident`},{number:t+1})})]})},e.id))})]}):(0,w.jsx)(f,{})}function O(){let t=e(),n=l(),[i]=r();return n.demo?(0,w.jsxs)(w.Fragment,{children:[(0,w.jsx)(_,{children:t.formatMessage({id:`demo.title`,defaultMessage:`Inloggen als proefinwoner`,description:`Title of the demo login`})}),(0,w.jsx)(d,{children:(0,w.jsx)(y,{id:`demo.lead`,defaultMessage:`Dit is een demonstratie met verzonnen inwoners. Kies met wie u wilt inloggen.`,description:`Introduction on the demo login`})}),(0,w.jsx)(D,{back:S(i.get(`terug`))})]}):(0,w.jsx)(g,{})}export{O as DemoLoginPage};
import{B as e,D as t,E as n,H as r,I as i,M as a,P as o,_ as s,at as c,ft as l,gt as u,h as d,ht as f,m as p,mt as m,nt as h,ot as g,st as _,t as v,tt as y,w as b}from"./index-B45dCJI0.js";import{t as x}from"./DateText-Du89ammI.js";import{t as S}from"./usePageQuery-sBy1OUbp.js";import{t as C}from"./returnPath-LQAGz0eV.js";var w=u(f(),1),T=_(),E=a(`
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
`),D=a(`
  mutation DemoLogin($input: DemoLoginInput!) {
    demoLogin(input: $input) {
      token
      expiresAt
    }
  }
`);function O({back:t}){let r=g(),a=l(),{signIn:o}=n(),{data:u}=S({query:E}),[,f]=i(D),[m,h]=(0,w.useState)(null),[_,v]=(0,w.useState)(null);return u?(0,T.jsxs)(T.Fragment,{children:[m&&(0,T.jsx)(d,{error:b(m)}),(0,T.jsx)(`ul`,{className:`loket-personas`,children:u.tenant.demoPersonas.map((n,i)=>(0,T.jsx)(`li`,{className:`loket-persona`,children:(0,T.jsxs)(`article`,{"aria-labelledby":`persona-${i}`,children:[(0,T.jsx)(e,{id:`persona-${i}`,children:(0,T.jsx)(c,{id:`demo.persona`,defaultMessage:`Proefinwoner {number}`,description:`Name of a demo resident`,values:{number:i+1}})}),(0,T.jsxs)(`dl`,{className:`loket-facts`,children:[(0,T.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,T.jsx)(`dt`,{children:(0,T.jsx)(c,{id:`demo.address`,defaultMessage:`Woont op`,description:`Label`})}),(0,T.jsx)(`dd`,{children:n.address??(0,T.jsx)(c,{id:`demo.noAddress`,defaultMessage:`Geen adres bekend`,description:`A demo resident without an address`})})]}),(0,T.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,T.jsx)(`dt`,{children:(0,T.jsx)(c,{id:`demo.bsn`,defaultMessage:`Burgerservicenummer`,description:`Label`})}),(0,T.jsx)(`dd`,{children:n.bsn})]}),n.documentExpiresOn&&(0,T.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,T.jsx)(`dt`,{children:(0,T.jsx)(c,{id:`demo.document`,defaultMessage:`Reisdocument geldig tot`,description:`Label`})}),(0,T.jsx)(`dd`,{children:(0,T.jsx)(x,{value:n.documentExpiresOn})})]})]}),(0,T.jsx)(y,{type:`button`,appearance:`primary-action-button`,busy:_===n.id,"aria-disabled":_!==null||void 0,onClick:()=>{_||(v(n.id),h(null),f({input:{persona:n.id}}).then(e=>{v(null);let n=e.data?.demoLogin;n?(o(s(n.token,`demo`,Date.parse(n.expiresAt))),a(t,{replace:!0})):e.error&&h(e.error)}))},children:r.formatMessage({id:`demo.login`,defaultMessage:`Inloggen als proefinwoner {number}`,description:`Button to log in as a demo resident`},{number:i+1})})]})},n.id))})]}):(0,T.jsx)(p,{})}function k(){let e=g(),n=t(),[i]=m();return n.demo?(0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(o,{children:e.formatMessage({id:`demo.title`,defaultMessage:`Inloggen als proefinwoner`,description:`Title of the demo login`})}),(0,T.jsx)(r,{children:(0,T.jsx)(c,{id:`demo.lead`,defaultMessage:`Dit is een demonstratie met verzonnen inwoners. Kies met wie u wilt inloggen.`,description:`Introduction on the demo login`})}),(0,T.jsx)(O,{back:C(i.get(`terug`),h.afterLogin)})]}):(0,T.jsx)(v,{})}export{k as DemoLoginPage};
import{D as e,E as t,H as n,I as r,M as i,P as a,_ as o,at as s,ft as c,gt as l,h as u,ht as d,lt as f,m as p,mt as m,o as h,ot as g,st as _,tt as v,w as y,x as b,z as x}from"./index-B45dCJI0.js";import{t as S}from"./usePageQuery-sBy1OUbp.js";import{t as C}from"./returnPath-LQAGz0eV.js";import{t as w}from"./section-BvdGQEPj.js";var T=l(d(),1),E=_(),D=i(`
  query DemoStaff {
    tenant {
      demoStaff {
        id
        role
      }
    }
  }
`),O=i(`
  mutation DemoStaffLogin($input: DemoLoginInput!) {
    demoLogin(input: $input) {
      token
      expiresAt
    }
  }
`);function k({back:e}){let n=g(),i=c(),{signIn:a}=t(),{data:s}=S({query:D}),[,l]=r(O),[d,f]=(0,T.useState)(null),[m,h]=(0,T.useState)(null);return s?(0,E.jsxs)(E.Fragment,{children:[d&&(0,E.jsx)(u,{error:y(d)}),(0,E.jsx)(`ul`,{className:`loket-demo-roles`,children:s.tenant.demoStaff.map(t=>(0,E.jsx)(`li`,{children:(0,E.jsx)(v,{type:`button`,appearance:`secondary-action-button`,busy:m===t.id,"aria-disabled":m!==null||void 0,onClick:()=>{m||(h(t.id),f(null),l({input:{persona:t.id}}).then(t=>{h(null);let n=t.data?.demoLogin;n?(a(o(n.token,`demo`,Date.parse(n.expiresAt))),i(e,{replace:!0})):t.error&&f(t.error)}))},children:n.formatMessage({id:`console.login.demoRole`,defaultMessage:`Inloggen als {role}`,description:`Button to log in to the console with a demo role`},{role:t.role})})},t.id))})]}):(0,E.jsx)(p,{})}function A(){let r=g(),[i]=m(),{session:o,ended:c}=t(),l=e(),[d,p]=(0,T.useState)(!1),_=C(i.get(`terug`),w.afterLogin);return o?(0,E.jsx)(f,{to:_,replace:!0}):(0,E.jsxs)(E.Fragment,{children:[(0,E.jsx)(a,{children:r.formatMessage({id:`console.login.title`,defaultMessage:`Inloggen voor medewerkers`,description:`Title of the console login page`})}),c===`expired`&&(0,E.jsx)(x,{type:`warning`,role:`status`,className:`loket-session-ended`,children:(0,E.jsx)(n,{children:(0,E.jsx)(s,{id:`login.expired`,defaultMessage:`Uw sessie is verlopen. Log opnieuw in om verder te gaan.`,description:`Shown on the login page after the login ended`})})}),!l.available&&(0,E.jsx)(n,{children:(0,E.jsx)(s,{id:`console.login.none`,defaultMessage:`Medewerkers van deze gemeente kunnen hier nog niet inloggen.`,description:`The municipality offers no staff login`})}),l.demo&&(0,E.jsxs)(E.Fragment,{children:[(0,E.jsx)(n,{children:(0,E.jsx)(s,{id:`console.login.demo`,defaultMessage:`Dit is een demonstratie. Kies de rol waarmee u wilt werken; wat u ziet en mag, volgt uit het beleid van de gemeente voor die rol.`,description:`Explains the console's demo login`})}),(0,E.jsx)(k,{back:_})]}),l.oidc&&(0,E.jsxs)(E.Fragment,{children:[(0,E.jsx)(n,{children:(0,E.jsx)(s,{id:`console.login.oidc`,defaultMessage:`U logt in met uw account bij de gemeente. Daarna komt u hier terug.`,description:`Explains the staff login with the municipality's provider`})}),d&&(0,E.jsx)(u,{error:new b(`login provider`)}),(0,E.jsx)(v,{type:`button`,appearance:`primary-action-button`,onClick:()=>{let e=l.oidc;e&&(p(!1),h(e,_).catch(()=>p(!0)))},children:(0,E.jsx)(s,{id:`login.oidc.button`,defaultMessage:`Inloggen`,description:`Button that starts the login`})})]})]})}export{A as ConsoleLoginPage};
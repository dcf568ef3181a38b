import{H as e,I as t,L as n,M as r,P as i,U as a,W as o,at as s,b as c,d as l,gt as u,ht as d,mt as f,ot as p,q as m,r as h,st as g,tt as _}from"./index-BoWHM9-R.js";import{r as v,t as y}from"./useAppointmentSlots-BdtQXVM5.js";import{t as b}from"./Field-c_iBCutW.js";import{t as x}from"./usePageQuery-IGS0VNgU.js";import{t as S}from"./ActionError-Dwe0gDLV.js";import{t as C}from"./Table-qSrJnayI.js";var w=u(d(),1),T=g(),E=r(`
  query CounterLocations {
    appointmentLocations(products: []) {
      code
      name
    }
  }
`),D=r(`
  query CounterDay($filter: AppointmentFilter!) {
    appointments(filter: $filter) {
      id
      reference
      start
      name
      desk
      status
      calledDesk
      products {
        code
        name
      }
    }
  }
`),O=r(`
  mutation CounterCheckIn($input: AppointmentStepInput!) {
    checkIn(input: $input) {
      appointment {
        id
        status
        checkedInAt
        version
      }
    }
  }
`),k=r(`
  mutation CounterCall($input: CallAppointmentInput!) {
    callAppointment(input: $input) {
      appointment {
        id
        status
        calledAt
        calledDesk
        version
      }
    }
  }
`),A=r(`
  mutation CounterComplete($input: AppointmentStepInput!) {
    completeAppointment(input: $input) {
      appointment {
        id
        status
        completedAt
        version
      }
    }
  }
`),j=r(`
  mutation CounterNoShow($input: AppointmentStepInput!) {
    markNoShow(input: $input) {
      appointment {
        id
        status
        version
      }
    }
  }
`);function M(){let e=p(),[t,r]=f(),[c]=n({query:E}),u=c.data?.appointmentLocations,d=t.get(`locatie`)??u?.[0]?.code??``,h=t.get(`dag`)??y(),g=(e,n)=>{let i=new URLSearchParams(t);i.set(e,n),r(i,{replace:!0})};return(0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(i,{children:e.formatMessage({id:`console.counter.title`,defaultMessage:`Afspraken aan de balie`,description:`Title of the counter's day list`})}),(0,T.jsxs)(`form`,{className:`loket-filters`,onSubmit:e=>e.preventDefault(),children:[(0,T.jsx)(b,{label:(0,T.jsx)(s,{id:`console.counter.location`,defaultMessage:`Locatie`,description:`Label of the counter's location filter`}),children:e=>(0,T.jsx)(a,{...e,value:d,onChange:e=>g(`locatie`,e.target.value),children:(u??[]).map(e=>(0,T.jsx)(o,{value:e.code,children:e.name},e.code))})}),(0,T.jsx)(b,{label:(0,T.jsx)(s,{id:`console.counter.day`,defaultMessage:`Dag`,description:`Label of the counter's day filter`}),children:e=>(0,T.jsx)(m,{...e,type:`date`,value:h,onChange:e=>{e.target.value&&g(`dag`,e.target.value)}})})]}),d===``?(0,T.jsx)(l,{}):(0,T.jsx)(N,{location:d,day:h})]})}function N({location:t,day:n}){let{data:r,reexecute:i}=x({query:D,variables:{filter:{location:t,day:n}}}),a=()=>i({requestPolicy:`network-only`}),o=r?.appointments;return o?o.length===0?(0,T.jsx)(e,{children:(0,T.jsx)(s,{id:`console.counter.none`,defaultMessage:`Er zijn op deze dag geen afspraken op deze locatie.`,description:`The counter's day list is empty`})}):(0,T.jsx)(C,{caption:(0,T.jsx)(s,{id:`console.counter.caption`,defaultMessage:`Afspraken op deze dag`,description:`Caption of the counter's day list`}),columns:[(0,T.jsx)(s,{id:`console.counter.col.time`,defaultMessage:`Tijd`,description:`Column: start time`},`time`),(0,T.jsx)(s,{id:`console.counter.col.name`,defaultMessage:`Naam`,description:`Column: the name to call out`},`name`),(0,T.jsx)(s,{id:`console.counter.col.products`,defaultMessage:`Waarvoor`,description:`Column: the products`},`products`),(0,T.jsx)(s,{id:`console.counter.col.status`,defaultMessage:`Status`,description:`Column: where the appointment stands`},`status`),(0,T.jsx)(s,{id:`console.counter.col.actions`,defaultMessage:`Doen`,description:`Column: what the counter can do`},`actions`)],children:o.map(e=>(0,T.jsx)(P,{appointment:e,onChange:a},e.id))}):(0,T.jsx)(l,{})}function P({appointment:e,onChange:n}){let r=p(),{can:i}=h(),a=i(`appointment/counter`,`UPDATE`),[o,l]=(0,w.useState)(e.calledDesk??e.desk),[u,d]=t(O),[f,g]=t(k),[y,x]=t(A),[C,E]=t(j),D=e=>{e.data&&n()},M={id:e.id},N=c(f.error).get(`desk`);return(0,T.jsxs)(`tr`,{className:`utrecht-table__row`,children:[(0,T.jsx)(`td`,{className:`utrecht-table__cell`,children:r.formatTime(e.start,{timeStyle:`short`})}),(0,T.jsxs)(`th`,{className:`utrecht-table__header-cell`,scope:`row`,children:[e.name,(0,T.jsx)(`br`,{}),(0,T.jsx)(`span`,{children:e.reference})]}),(0,T.jsx)(`td`,{className:`utrecht-table__cell`,lang:`nl`,children:e.products.map(e=>e.name??e.code).join(`, `)}),(0,T.jsxs)(`td`,{className:`utrecht-table__cell`,children:[(0,T.jsx)(v,{status:e.status}),e.status===`CALLED`&&e.calledDesk&&(0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(`br`,{}),(0,T.jsx)(s,{id:`console.counter.calledTo`,defaultMessage:`naar {desk}`,description:`The desk a resident was called to`,values:{desk:e.calledDesk}})]})]}),(0,T.jsx)(`td`,{className:`utrecht-table__cell`,children:a&&(0,T.jsxs)(`div`,{className:`loket-actions`,children:[(0,T.jsx)(S,{error:u.error??y.error??C.error}),(0,T.jsx)(S,{error:f.error}),e.status===`BOOKED`&&(0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(_,{type:`button`,appearance:`primary-action-button`,busy:u.fetching,onClick:()=>void d({input:M}).then(D),children:(0,T.jsx)(s,{id:`console.counter.checkIn`,defaultMessage:`Aanmelden {name}`,description:`Button: record that the resident arrived`,values:{name:e.name}})}),(0,T.jsx)(_,{type:`button`,appearance:`secondary-action-button`,busy:C.fetching,onClick:()=>void E({input:M}).then(D),children:(0,T.jsx)(s,{id:`console.counter.noShow`,defaultMessage:`Niet gekomen: {name}`,description:`Button: record that the resident did not come`,values:{name:e.name}})})]}),e.status===`CHECKED_IN`&&(0,T.jsxs)(`form`,{className:`loket-actions`,onSubmit:t=>{t.preventDefault(),g({input:{id:e.id,desk:o.trim()}}).then(D)},children:[(0,T.jsx)(b,{label:(0,T.jsx)(s,{id:`console.counter.desk`,defaultMessage:`Balie voor {name}`,description:`Label of the desk to call a resident to`,values:{name:e.name}}),error:N,children:e=>(0,T.jsx)(m,{...e,name:`desk`,autoComplete:`off`,maxLength:60,value:o,onChange:e=>l(e.target.value)})}),(0,T.jsx)(_,{type:`submit`,appearance:`primary-action-button`,busy:f.fetching,children:(0,T.jsx)(s,{id:`console.counter.call`,defaultMessage:`Oproepen {name}`,description:`Button: call the resident to the desk`,values:{name:e.name}})})]}),e.status===`CALLED`&&(0,T.jsx)(_,{type:`button`,appearance:`primary-action-button`,busy:y.fetching,onClick:()=>void x({input:M}).then(D),children:(0,T.jsx)(s,{id:`console.counter.complete`,defaultMessage:`Afronden {name}`,description:`Button: the appointment is done`,values:{name:e.name}})})]})})]})}export{M as CounterPage};
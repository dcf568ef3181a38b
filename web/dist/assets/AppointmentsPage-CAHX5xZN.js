import{A as e,H as t,I as n,M as r,P as i,_ as a,at as o,b as s,d as c,f as l,gt as u,ht as d,ot as f,st as p,tt as m,x as h}from"./index-BoWHM9-R.js";import{i as g,n as _}from"./useAppointmentSlots-BdtQXVM5.js";import{t as v}from"./FieldError-CCtURuME.js";import{t as y}from"./usePageQuery-IGS0VNgU.js";import{t as b}from"./SlotFields-Pz2U1Brh.js";var x=u(d(),1),S=p(),C=r(`
  query MyAppointments {
    appointmentLocations(products: []) {
      code
      name
    }
    me {
      appointments {
        id
        version
        status
        location
        persons
        start
        products {
          code
        }
        ...AppointmentSummary_Appointment
      }
    }
  }
`),w=r(`
  mutation CancelMyAppointment($input: CancelAppointmentInput!) {
    cancelAppointment(input: $input) {
      appointment {
        id
        status
        version
        cancelledAt
      }
    }
  }
`),T=r(`
  mutation RescheduleAppointment($input: RescheduleAppointmentInput!) {
    rescheduleAppointment(input: $input) {
      appointment {
        id
        version
        ...AppointmentSummary_Appointment
      }
    }
  }
`);function E(){let n=f(),{data:r,reexecute:a}=y({query:C,requestPolicy:`cache-and-network`}),s=()=>a({requestPolicy:`network-only`}),l=r?.me.appointments;return(0,S.jsxs)(S.Fragment,{children:[(0,S.jsx)(i,{children:n.formatMessage({id:`appointments.title`,defaultMessage:`Mijn afspraken`,description:`Title of my appointments`})}),(0,S.jsx)(t,{children:(0,S.jsx)(e,{to:`/afspraak`,children:(0,S.jsx)(o,{id:`appointments.new`,defaultMessage:`Nieuwe afspraak maken`,description:`Link from my appointments to book one`})})}),l?l.length===0?(0,S.jsx)(t,{children:(0,S.jsx)(o,{id:`appointments.none`,defaultMessage:`U hebt geen afspraken.`,description:`My appointments is empty`})}):(0,S.jsx)(`ul`,{className:`loket-appointments`,children:l.map(e=>(0,S.jsx)(`li`,{className:`loket-appointments__item`,children:(0,S.jsx)(D,{appointment:e,locationName:r?.appointmentLocations.find(t=>t.code===e.location)?.name,onChange:s})},e.id))}):(0,S.jsx)(c,{})]})}function D({appointment:e,locationName:t,onChange:r}){let i=f(),a=(0,x.useId)(),[s,c]=(0,x.useState)(!1),[l,u]=n(w),d=e.status===`BOOKED`&&new Date(e.start)>new Date,p=i.formatDate(e.start,{dateStyle:`long`,timeStyle:`short`});return(0,S.jsxs)(`article`,{"aria-labelledby":a,children:[(0,S.jsx)(`h2`,{id:a,className:`utrecht-heading-3`,children:(0,S.jsx)(o,{id:`appointments.item`,defaultMessage:`Afspraak op {when}`,description:`Heading of one appointment`,values:{when:p}})}),(0,S.jsx)(g,{appointment:e,locationName:t}),(0,S.jsx)(O,{error:l.error}),d&&!s&&(0,S.jsxs)(`div`,{className:`loket-actions`,children:[(0,S.jsx)(m,{type:`button`,appearance:`secondary-action-button`,onClick:()=>c(!0),children:(0,S.jsx)(o,{id:`appointments.move`,defaultMessage:`Verzetten`,description:`Button: move an appointment to another time`})}),(0,S.jsx)(m,{type:`button`,appearance:`secondary-action-button`,busy:l.fetching,onClick:()=>{window.confirm(i.formatMessage({id:`appointments.cancel.confirm`,defaultMessage:`Wilt u de afspraak op {when} annuleren?`,description:`Question before cancelling an appointment`},{when:p}))&&u({input:{id:e.id,expectedVersion:e.version}}).then(e=>{e.data&&r()})},children:(0,S.jsx)(o,{id:`appointments.cancel`,defaultMessage:`Annuleren`,description:`Button: cancel an appointment`})})]}),s&&(0,S.jsx)(k,{appointment:e,onDone:()=>{c(!1),r()},onStop:()=>c(!1)})]})}function O({error:e}){return e?(0,S.jsx)(l,{error:h(e),explanations:{CONFLICT:(0,S.jsx)(o,{id:`appointments.conflict`,defaultMessage:`De afspraak is intussen gewijzigd, of de tijd is al begonnen. Laad de pagina opnieuw.`,description:`The appointment changed since it was read`})}}):null}function k({appointment:e,onDone:r,onStop:i}){let[c,u]=(0,x.useState)(``),[d,f]=(0,x.useState)(``),[p,g]=(0,x.useState)(!1),[y,C]=(0,x.useState)(!1),[w,E]=n(T),D=e.products.map(e=>e.code),O=_({products:D,persons:e.persons,location:e.location,day:c}),k=s(w.error),A=p?(0,S.jsx)(o,{id:`appointment.error.start`,defaultMessage:`Kies een dag en een tijd.`,description:`Error: no time chosen`}):k.get(`start`)?(0,S.jsx)(v,{message:k.get(`start`)??``}):void 0;return(0,S.jsxs)(`form`,{className:`loket-form`,noValidate:!0,onSubmit:t=>{t.preventDefault(),g(d===``),C(!1),d!==``&&E({input:{id:e.id,expectedVersion:e.version,start:d}}).then(e=>{e.data?r():e.error&&h(e.error)instanceof a&&(C(!0),f(``),O.refresh())})},children:[(0,S.jsx)(t,{children:(0,S.jsx)(o,{id:`appointments.move.hint`,defaultMessage:`Kies een nieuwe dag en tijd. Uw afspraak blijft staan tot de nieuwe is gemaakt.`,description:`Help when moving an appointment`})}),y?(0,S.jsx)(t,{role:`alert`,children:(0,S.jsx)(o,{id:`appointments.move.taken`,defaultMessage:`Dat lukte niet: de tijd is al bezet of de afspraak is gewijzigd. Uw oude afspraak blijft staan. Kies een andere tijd.`,description:`Moving failed on a conflict; the old appointment stays`})}):w.error&&k.size===0&&(0,S.jsx)(l,{error:h(w.error)}),(0,S.jsx)(b,{days:O.days,times:O.times,day:c,onDay:u,start:d,onStart:f,error:A}),(0,S.jsxs)(`div`,{className:`loket-actions`,children:[(0,S.jsx)(m,{type:`submit`,appearance:`primary-action-button`,busy:w.fetching,children:(0,S.jsx)(o,{id:`appointments.move.submit`,defaultMessage:`Naar deze tijd verzetten`,description:`Button: move the appointment to the chosen time`})}),(0,S.jsx)(m,{type:`button`,appearance:`subtle-button`,onClick:i,children:(0,S.jsx)(o,{id:`appointments.move.stop`,defaultMessage:`Niet verzetten`,description:`Button: stop moving the appointment`})})]})]})}export{E as AppointmentsPage};
import{L as e,M as t,N as n,at as r,gt as i,ht as a,ot as o,st as s}from"./index-BoWHM9-R.js";import{t as c}from"./DateText-C8ouzo8M.js";var l=i(a(),1),u=s(),d=t(`
  fragment AppointmentSummary_Appointment on Appointment {
    reference
    location
    start
    end
    persons
    status
    products {
      code
      name
    }
  }
`),f=(0,l.forwardRef)(function({appointment:e,locationName:t,className:i,...a},s){let l=n(d,e),f=o().formatTime(l.end,{timeStyle:`short`});return(0,u.jsxs)(`dl`,{ref:s,className:[`loket-facts`,i].filter(Boolean).join(` `),...a,children:[(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(r,{id:`appointment.reference`,defaultMessage:`Kenmerk`,description:`Label of an appointment's reference`})}),(0,u.jsx)(`dd`,{children:l.reference})]}),(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(r,{id:`appointment.when`,defaultMessage:`Wanneer`,description:`Label of an appointment's date and time`})}),(0,u.jsx)(`dd`,{children:(0,u.jsx)(r,{id:`appointment.when.value`,defaultMessage:`{start} tot {end}`,description:`An appointment's date and start time, then its end time`,values:{start:(0,u.jsx)(c,{value:l.start,kind:`datetime`}),end:f}})})]}),(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(r,{id:`appointment.where`,defaultMessage:`Waar`,description:`Label of an appointment's location`})}),(0,u.jsx)(`dd`,{children:t??l.location})]}),(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(r,{id:`appointment.products`,defaultMessage:`Waarvoor`,description:`Label of what an appointment is for`})}),(0,u.jsx)(`dd`,{lang:`nl`,children:l.products.map(e=>e.name??e.code).join(`, `)})]}),(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(r,{id:`appointment.persons`,defaultMessage:`Personen`,description:`Label of how many persons come to an appointment`})}),(0,u.jsx)(`dd`,{children:l.persons})]}),(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(r,{id:`appointment.status`,defaultMessage:`Status`,description:`Label of where an appointment stands`})}),(0,u.jsx)(`dd`,{children:(0,u.jsx)(p,{status:l.status})})]})]})});function p({status:e}){switch(e){case`BOOKED`:return(0,u.jsx)(r,{id:`appointment.status.booked`,defaultMessage:`Gepland`,description:`Appointment status: booked`});case`CHECKED_IN`:return(0,u.jsx)(r,{id:`appointment.status.checkedIn`,defaultMessage:`Aangemeld`,description:`Appointment status: the resident arrived and waits`});case`CALLED`:return(0,u.jsx)(r,{id:`appointment.status.called`,defaultMessage:`Opgeroepen`,description:`Appointment status: called to a desk`});case`COMPLETED`:return(0,u.jsx)(r,{id:`appointment.status.completed`,defaultMessage:`Afgerond`,description:`Appointment status: done`});case`NO_SHOW`:return(0,u.jsx)(r,{id:`appointment.status.noShow`,defaultMessage:`Niet gekomen`,description:`Appointment status: the resident did not come`});case`CANCELLED`:return(0,u.jsx)(r,{id:`appointment.status.cancelled`,defaultMessage:`Geannuleerd`,description:`Appointment status: cancelled`});default:return e}}var m=t(`
  query AvailableDays(
    $products: [String!]!
    $persons: Int!
    $location: String!
    $from: NaiveDate!
    $to: NaiveDate!
  ) {
    availableDays(products: $products, persons: $persons, location: $location, from: $from, to: $to)
  }
`),h=t(`
  query AvailableTimes(
    $products: [String!]!
    $persons: Int!
    $location: String!
    $day: NaiveDate!
  ) {
    availableTimes(products: $products, persons: $persons, location: $location, day: $day) {
      start
      end
    }
  }
`);function g(e=new Date,t=`Europe/Amsterdam`){return e.toLocaleDateString(`sv-SE`,{timeZone:t})}function _(e,t){let n=new Date(`${e}T12:00:00Z`);return n.setUTCDate(n.getUTCDate()+t),n.toISOString().slice(0,10)}function v({products:t,persons:n,location:r,day:i}){let a=g(),o=t.length>0&&r!==``,[s,c]=e({query:m,variables:{products:[...t],persons:n,location:r,from:a,to:_(a,61)},pause:!o}),[l,u]=e({query:h,variables:{products:[...t],persons:n,location:r,day:i},pause:!o||i===``});return{days:o?s.data?.availableDays:[],daysError:s.error,times:o&&i!==``?l.data?.availableTimes:[],timesError:l.error,refresh:()=>{c({requestPolicy:`network-only`}),u({requestPolicy:`network-only`})}}}export{f as i,v as n,p as r,g as t};
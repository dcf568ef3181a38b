import{$ as e,A as t,B as n,D as r,G as i,H as a,I as o,L as s,M as c,O as l,P as u,U as d,V as f,W as p,at as m,b as h,ct as g,d as _,dt as v,f as y,gt as b,ht as x,j as S,lt as C,ot as w,q as T,r as E,st as D,tt as O,x as k,z as A}from"./index-BoWHM9-R.js";import{t as j}from"./CaseProgress-ClpzIDBG.js";import{t as M}from"./DateText-C8ouzo8M.js";import{t as ee}from"./usePageQuery-IGS0VNgU.js";import{a as N,i as P,n as F,r as I,t as L}from"./ChannelName-dMryEJKg.js";import{n as te,t as R}from"./labels-gOw5r-l8.js";import{t as z}from"./Field-c_iBCutW.js";import{t as B}from"./useIdempotencyKey-Dw2KEGtS.js";import{t as V}from"./ChoiceGroup-DiAsFPAk.js";import{t as H}from"./casePath-B2RrHfBe.js";import{t as U}from"./residentPath-CGnw1BHX.js";var W=b(x(),1),G=D(),K=c(`
  query CallbackTeams {
    tenant {
      callbackTeams
    }
  }
`),q=c(`
  mutation ConsoleRequestCallback($input: RequestCallbackInput!) {
    requestCallback(input: $input) {
      callback {
        id
        team
        deadline
      }
    }
  }
`);function J({contactId:e,question:t,onDone:n}){let r=(0,W.useId)(),[{data:c}]=s({query:K}),[l,u]=(0,W.useState)(``),[g,_]=(0,W.useState)(``),[v,b]=(0,W.useState)(t),[x,S]=o(q),C=h(x.error),w=x.data?.requestCallback.callback,E=c?.tenant.callbackTeams??[],D=l||E[0]||``;return w?(0,G.jsxs)(A,{type:`ok`,role:`status`,children:[(0,G.jsx)(a,{children:(0,G.jsx)(m,{id:`console.handover.done`,defaultMessage:`Doorgezet naar {team}. Zij bellen uiterlijk {deadline} terug.`,description:`Confirmation after handing a question to a team`,values:{team:w.team,deadline:(0,G.jsx)(M,{value:w.deadline})}})}),(0,G.jsx)(O,{type:`button`,appearance:`secondary-action-button`,onClick:n,children:(0,G.jsx)(R,{name:`close`})})]}):(0,G.jsxs)(`section`,{"aria-labelledby":r,className:`loket-panel loket-panel--nested`,children:[(0,G.jsx)(f,{id:r,children:(0,G.jsx)(m,{id:`console.handover.title`,defaultMessage:`Doorzetten naar de backoffice`,description:`Heading of the hand-over form`})}),x.error&&C.size===0&&(0,G.jsx)(y,{error:k(x.error)}),(0,G.jsxs)(`form`,{className:`loket-form`,noValidate:!0,onSubmit:n=>{n.preventDefault(),S({input:{contactId:e,team:D,phone:g,question:v.trim()===t.trim()?null:v}})},children:[(0,G.jsx)(z,{label:(0,G.jsx)(R,{name:`team`}),error:C.get(`team`),children:e=>(0,G.jsx)(d,{...e,name:`team`,value:D,onChange:e=>u(e.target.value),children:E.map(e=>(0,G.jsx)(p,{value:e,children:e},e))})}),(0,G.jsx)(z,{label:(0,G.jsx)(m,{id:`console.handover.phone`,defaultMessage:`Terugbelnummer`,description:`Label of the number to call back`}),error:C.get(`phone`),children:e=>(0,G.jsx)(T,{...e,name:`phone`,type:`tel`,autoComplete:`off`,maxLength:20,value:g,onChange:e=>_(e.target.value)})}),(0,G.jsx)(z,{label:(0,G.jsx)(m,{id:`console.handover.question`,defaultMessage:`Vraag voor de backoffice`,description:`Label of the question handed on`}),error:C.get(`question`),children:e=>(0,G.jsx)(i,{...e,name:`question`,rows:2,maxLength:4e3,value:v,onChange:e=>b(e.target.value)})}),(0,G.jsx)(O,{type:`submit`,appearance:`primary-action-button`,busy:x.fetching,children:(0,G.jsx)(m,{id:`console.handover.submit`,defaultMessage:`Doorzetten`,description:`Button: hand the question to the team`})})]})]})}var Y=c(`
  query TopicSearch($search: String!) {
    products(search: $search, first: 5) {
      nodes {
        code
        name
      }
    }
  }
`);function X({value:e,onChange:t,error:n}){let r=w(),i=(0,W.useId)(),a=S(e.text.trim(),200),[o]=s({query:Y,variables:{search:a},pause:a.length<2}),c=a.length>=2?o.data?.products.nodes??[]:[];return(0,G.jsxs)(G.Fragment,{children:[(0,G.jsx)(z,{label:(0,G.jsx)(m,{id:`console.contact.topic`,defaultMessage:`Onderwerp`,description:`Label of the contact's topic`}),description:(0,G.jsx)(m,{id:`console.contact.topic.hint`,defaultMessage:`Typ een paar letters en kies een product, of houd het als eigen onderwerp.`,description:`Help under the topic field`}),error:n,children:n=>(0,G.jsx)(T,{...n,name:`topic`,autoComplete:`off`,maxLength:200,value:e.text,onChange:e=>t({text:e.target.value,product:null})})}),e.text.trim()!==``&&(0,G.jsxs)(V,{className:`loket-topic-choices`,legend:r.formatMessage({id:`console.contact.topic.choose`,defaultMessage:`Kies het onderwerp`,description:`Legend of the topic choices`}),children:[c.map(n=>(0,G.jsxs)(`div`,{className:`loket-choice`,children:[(0,G.jsx)(`input`,{type:`radio`,className:`utrecht-radio-button utrecht-radio-button--html-input`,id:`${i}-${n.code}`,name:i,checked:e.product===n.code,onChange:()=>t({text:e.text,product:n.code})}),(0,G.jsx)(`label`,{htmlFor:`${i}-${n.code}`,className:`utrecht-form-label utrecht-form-label--radio`,children:n.name})]},n.code)),(0,G.jsxs)(`div`,{className:`loket-choice`,children:[(0,G.jsx)(`input`,{type:`radio`,className:`utrecht-radio-button utrecht-radio-button--html-input`,id:`${i}-free`,name:i,checked:e.product===null,onChange:()=>t({text:e.text,product:null})}),(0,G.jsx)(`label`,{htmlFor:`${i}-free`,className:`utrecht-form-label utrecht-form-label--radio`,children:(0,G.jsx)(m,{id:`console.contact.topic.free`,defaultMessage:`Eigen onderwerp: {topic}`,description:`Choice: keep the typed text as the topic`,values:{topic:e.text.trim()}})})]})]})]})}var Z=c(`
  mutation ConsoleRegisterContact($input: RegisterContactInput!) {
    registerContact(input: $input) {
      replayed
      contact {
        id
        question
        resolvedFirstContact
      }
    }
  }
`),Q={channel:`PHONE`,waitSeconds:``,receivedAt:``,topic:{text:``,product:null},question:``,answer:``,resolved:!0};function ne({bsn:t,onRegistered:r}){let s=N(),c=(0,W.useId)(),{can:l}=E(),[u,f]=(0,W.useState)(Q),[g,_]=(0,W.useState)(null),[v,b]=o(Z),x=B(JSON.stringify({bsn:t,draft:u})),S=h(v.error),C=I.includes(u.channel),w=P.includes(u.channel),D=e=>f(t=>({...t,...e}));return(0,G.jsxs)(`section`,{"aria-labelledby":c,className:`loket-panel`,children:[(0,G.jsx)(n,{id:c,children:(0,G.jsx)(m,{id:`console.contact.title`,defaultMessage:`Contact registreren`,description:`Heading of the register-contact form`})}),v.data&&!v.fetching&&(0,G.jsx)(A,{type:`ok`,role:`status`,children:(0,G.jsx)(a,{children:(0,G.jsx)(m,{id:`console.contact.registered`,defaultMessage:`Het contact is geregistreerd.`,description:`Confirmation after registering a contact`})})}),g&&l(`contact/callbacks`,`CREATE`)&&(0,G.jsx)(J,{contactId:g.id,question:g.question,onDone:()=>_(null)}),v.error&&S.size===0&&(0,G.jsx)(y,{error:k(v.error)}),(0,G.jsxs)(`form`,{className:`loket-form`,noValidate:!0,onSubmit:e=>{e.preventDefault();let n=Number.parseInt(u.waitSeconds,10);b({input:{channel:u.channel,subject:t,product:u.topic.product,topic:u.topic.product?null:u.topic.text.trim()||null,question:u.question,answer:u.answer,resolvedFirstContact:u.resolved,waitSeconds:C&&Number.isFinite(n)?n:null,receivedAt:w&&u.receivedAt?new Date(u.receivedAt).toISOString():null,idempotencyKey:x}}).then(e=>{let t=e.data?.registerContact.contact;t&&(_(t.resolvedFirstContact?null:t),f(Q),r())})},children:[(0,G.jsx)(z,{label:(0,G.jsx)(m,{id:`console.contact.channel`,defaultMessage:`Kanaal`,description:`Label of the contact's channel`}),error:S.get(`channel`),children:e=>(0,G.jsx)(d,{...e,name:`channel`,value:u.channel,onChange:e=>D({channel:e.target.value}),children:L.map(e=>(0,G.jsx)(p,{value:e,children:s(e)},e))})}),C&&(0,G.jsx)(z,{label:(0,G.jsx)(m,{id:`console.contact.wait`,defaultMessage:`Wachttijd in seconden`,description:`Label of the waiting time`}),error:S.get(`waitSeconds`),children:e=>(0,G.jsx)(T,{...e,name:`waitSeconds`,inputMode:`numeric`,autoComplete:`off`,maxLength:6,value:u.waitSeconds,onChange:e=>D({waitSeconds:e.target.value})})}),w&&(0,G.jsx)(z,{label:(0,G.jsx)(m,{id:`console.contact.receivedAt`,defaultMessage:`Binnengekomen op`,description:`Label of when a written question arrived`}),error:S.get(`receivedAt`),children:e=>(0,G.jsx)(T,{...e,name:`receivedAt`,type:`datetime-local`,value:u.receivedAt,onChange:e=>D({receivedAt:e.target.value})})}),(0,G.jsx)(X,{value:u.topic,onChange:e=>D({topic:e}),error:S.get(`topic`)??S.get(`product`)}),(0,G.jsx)(z,{label:(0,G.jsx)(R,{name:`question`}),error:S.get(`question`),children:e=>(0,G.jsx)(i,{...e,name:`question`,rows:2,maxLength:4e3,value:u.question,onChange:e=>D({question:e.target.value})})}),(0,G.jsx)(z,{label:(0,G.jsx)(m,{id:`console.contact.answer`,defaultMessage:`Antwoord`,description:`Label of the answer given`}),error:S.get(`answer`),children:e=>(0,G.jsx)(i,{...e,name:`answer`,rows:2,maxLength:4e3,value:u.answer,onChange:e=>D({answer:e.target.value})})}),(0,G.jsxs)(`div`,{className:`loket-choice`,children:[(0,G.jsx)(e,{id:`${c}-resolved`,name:`resolved`,checked:u.resolved,onChange:e=>D({resolved:e.target.checked})}),(0,G.jsx)(`label`,{htmlFor:`${c}-resolved`,className:`utrecht-form-label utrecht-form-label--checkbox`,children:(0,G.jsx)(m,{id:`console.contact.resolved`,defaultMessage:`Beantwoord in dit contact`,description:`Checkbox: answered in the first contact`})})]}),(0,G.jsx)(O,{type:`submit`,appearance:`primary-action-button`,busy:v.fetching,children:(0,G.jsx)(m,{id:`console.contact.submit`,defaultMessage:`Contact registreren`,description:`Button: register the contact`})})]})]})}var re=c(`
  query ConsoleCaseTypes {
    caseTypes {
      code
      name
      products
    }
  }
`),ie=c(`
  mutation ConsoleStartCase($input: StartCaseInput!) {
    startCase(input: $input) {
      cases {
        id
        reference
        caseType {
          name
        }
      }
    }
  }
`),ae=[`COUNTER`,`PHONE`,`EMAIL`,`LETTER`],oe=g({COUNTER:{id:`channel.counter`,defaultMessage:`Balie`,description:`Channel`},PHONE:{id:`channel.phone`,defaultMessage:`Telefoon`,description:`Channel`},EMAIL:{id:`channel.email`,defaultMessage:`E-mail`,description:`Channel`},LETTER:{id:`channel.letter`,defaultMessage:`Post`,description:`Channel`}});function $({bsn:e,onStarted:n}){let r=w(),c=(0,W.useId)(),[{data:l}]=s({query:re}),u=(l?.caseTypes??[]).flatMap(e=>e.products.map(t=>({product:t,label:e.products.length>1?`${e.name} (${t})`:e.name}))),[g,_]=(0,W.useState)(``),[v,b]=(0,W.useState)(`COUNTER`),[x,S]=(0,W.useState)(``),C=g||u[0]?.product||``,T=B(JSON.stringify({bsn:e,chosen:C,channel:v,description:x})),[E,D]=o(ie),j=h(E.error),M=E.data?.startCase.cases??[];return(0,G.jsxs)(`section`,{"aria-labelledby":c,className:`loket-panel`,children:[(0,G.jsx)(f,{id:c,children:(0,G.jsx)(m,{id:`console.start.title`,defaultMessage:`Zaak starten voor deze inwoner`,description:`Heading of the start-case form`})}),M.length>0&&(0,G.jsx)(A,{type:`ok`,role:`status`,children:(0,G.jsxs)(a,{children:[(0,G.jsx)(m,{id:`console.start.done`,defaultMessage:`Gestart:`,description:`Before the list of started cases`}),` `,M.map(e=>(0,G.jsx)(t,{to:H(e.reference),children:[e.caseType.name,e.reference].join(` `)},e.id))]})}),E.error&&j.size===0&&(0,G.jsx)(y,{error:k(E.error)}),(0,G.jsxs)(`form`,{className:`loket-form`,noValidate:!0,onSubmit:t=>{t.preventDefault(),D({input:{bsn:e,product:C,channel:v,description:x.trim()||null,idempotencyKey:T}}).then(e=>{e.data&&n()})},children:[(0,G.jsx)(z,{label:(0,G.jsx)(m,{id:`console.start.product`,defaultMessage:`Wat vraagt de inwoner aan?`,description:`Label of the product to start a case for`}),error:j.get(`product`),children:e=>(0,G.jsx)(d,{...e,name:`product`,value:C,onChange:e=>_(e.target.value),children:u.map(e=>(0,G.jsx)(p,{value:e.product,children:e.label},e.product))})}),(0,G.jsx)(z,{label:(0,G.jsx)(m,{id:`console.start.channel`,defaultMessage:`Hoe kwam de aanvraag binnen?`,description:`Label of the channel a case came in by`}),error:j.get(`channel`),children:e=>(0,G.jsx)(d,{...e,name:`channel`,value:v,onChange:e=>b(e.target.value),children:ae.map(e=>(0,G.jsx)(p,{value:e,children:r.formatMessage(oe[e])},e))})}),(0,G.jsx)(z,{label:(0,G.jsx)(m,{id:`console.start.description`,defaultMessage:`Toelichting van de inwoner`,description:`Label of what the resident asks`}),error:j.get(`description`),children:e=>(0,G.jsx)(i,{...e,name:`description`,rows:2,maxLength:4e3,value:x,onChange:e=>S(e.target.value)})}),(0,G.jsx)(O,{type:`submit`,appearance:`secondary-action-button`,busy:E.fetching,children:(0,G.jsx)(m,{id:`console.start.submit`,defaultMessage:`Zaak starten`,description:`Button: start the case`})})]})]})}var se=c(`
  query ConsoleResident($bsn: String!) {
    person(bsn: $bsn) {
      bsn
      name {
        fullName
      }
      birth {
        date
      }
      address {
        street
        houseNumber
        letter
        addition
        postcode
        city
      }
    }
    residentView(bsn: $bsn) {
      contacts(first: 20) {
        nodes {
          id
          channel
          topicLabel
          question
          answer
          resolvedFirstContact
          receivedAt
          employee
          caseReference
        }
      }
      cases(first: 50) {
        nodes {
          id
          reference
          caseType {
            name
            department
          }
          status {
            name
            end
          }
          decision {
            name
          }
          overdue
          ...CaseProgress_Case
        }
      }
    }
  }
`);function ce(){let e=v(),t=U(e.state);return t?(0,G.jsx)(le,{bsn:t}):(0,G.jsx)(C,{to:`/medewerker/inwoners`,replace:!0})}function le({bsn:e}){let i=w(),{can:o}=E(),s=(0,W.useId)(),c=(0,W.useId)(),{data:d,reexecute:f}=ee({query:se,variables:{bsn:e}});if(!d)return(0,G.jsx)(_,{});let{person:p,residentView:h}=d,g=p.address,v=()=>f({requestPolicy:`network-only`});return(0,G.jsxs)(G.Fragment,{children:[(0,G.jsx)(u,{children:p.name?.fullName??i.formatMessage({id:`console.resident.title`,defaultMessage:`Inwoner`,description:`Title of the resident page when the name may not be shown`})}),(0,G.jsxs)(`dl`,{className:`loket-facts`,children:[(0,G.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,G.jsx)(`dt`,{children:(0,G.jsx)(R,{name:`bsn`})}),(0,G.jsx)(`dd`,{children:p.bsn})]}),p.birth&&(0,G.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,G.jsx)(`dt`,{children:(0,G.jsx)(R,{name:`birthDate`})}),(0,G.jsx)(`dd`,{children:(0,G.jsx)(M,{value:p.birth.date})})]}),g&&(0,G.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,G.jsx)(`dt`,{children:(0,G.jsx)(R,{name:`address`})}),(0,G.jsx)(`dd`,{children:l(g)})]})]}),o(`contact/moments`,`CREATE`)&&(0,G.jsx)(ne,{bsn:p.bsn,onRegistered:v}),(0,G.jsxs)(`section`,{"aria-labelledby":s,children:[(0,G.jsx)(n,{id:s,children:(0,G.jsx)(m,{id:`console.resident.cases`,defaultMessage:`Zaken`,description:`Heading of the resident's cases across departments`})}),h.cases.nodes.length===0?(0,G.jsx)(a,{children:(0,G.jsx)(m,{id:`console.resident.noCases`,defaultMessage:`Geen zaken die u mag zien.`,description:`The resident has no cases the employee may read`})}):(0,G.jsx)(`ul`,{className:`loket-resident-cases`,children:h.cases.nodes.map(e=>(0,G.jsx)(`li`,{className:`loket-resident-case`,children:(0,G.jsxs)(`article`,{"aria-labelledby":`case-${e.id}`,children:[(0,G.jsx)(`h3`,{id:`case-${e.id}`,className:`utrecht-heading-3`,children:(0,G.jsx)(t,{to:H(e.reference),children:e.caseType.name})}),(0,G.jsxs)(`dl`,{className:`loket-facts`,children:[(0,G.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,G.jsx)(`dt`,{children:(0,G.jsx)(R,{name:`reference`})}),(0,G.jsx)(`dd`,{children:e.reference})]}),(0,G.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,G.jsx)(`dt`,{children:(0,G.jsx)(R,{name:`department`})}),(0,G.jsx)(`dd`,{children:e.caseType.department})]}),e.status&&(0,G.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,G.jsx)(`dt`,{children:(0,G.jsx)(R,{name:`status`})}),(0,G.jsxs)(`dd`,{children:[e.status.name,e.overdue&&(0,G.jsx)(te,{})]})]}),e.decision&&(0,G.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,G.jsx)(`dt`,{children:(0,G.jsx)(m,{id:`console.case.decision`,defaultMessage:`Besluit`,description:`Label of a case's decision`})}),(0,G.jsx)(`dd`,{className:`loket-case-decision-name`,children:e.decision.name})]})]}),e.status&&(0,G.jsxs)(`details`,{className:`loket-details`,children:[(0,G.jsx)(`summary`,{children:(0,G.jsx)(m,{id:`console.resident.steps`,defaultMessage:`Stappen bekijken`,description:`Opens the status steps of a case`})}),(0,G.jsx)(j,{case:e,"aria-label":i.formatMessage({id:`console.case.steps`,defaultMessage:`Stappen van zaak {reference}`,description:`Accessible name of the status steps in the console`},{reference:e.reference})})]})]})},e.id))}),o(`case/*`,`CREATE`)&&(0,G.jsx)($,{bsn:p.bsn,onStarted:v})]}),(0,G.jsxs)(`section`,{"aria-labelledby":c,children:[(0,G.jsx)(n,{id:c,children:(0,G.jsx)(m,{id:`console.resident.contacts`,defaultMessage:`Contacten`,description:`Heading of the resident's contact history`})}),h.contacts.nodes.length===0?(0,G.jsx)(a,{children:(0,G.jsx)(m,{id:`console.resident.noContacts`,defaultMessage:`Nog geen contacten.`,description:`The resident has no contact moments`})}):(0,G.jsx)(`ol`,{className:`loket-contacts`,children:h.contacts.nodes.map(e=>(0,G.jsxs)(`li`,{className:`loket-contact`,children:[(0,G.jsxs)(`p`,{className:`loket-contact__meta`,children:[(0,G.jsx)(M,{value:e.receivedAt,kind:`datetime`}),r,(0,G.jsx)(F,{channel:e.channel}),r,e.topicLabel,e.employee&&` · `,e.employee]}),(0,G.jsx)(`p`,{className:`loket-contact__question`,children:e.question}),e.answer&&(0,G.jsx)(`p`,{className:`loket-contact__answer`,children:e.answer}),!e.resolvedFirstContact&&(0,G.jsx)(`p`,{className:`loket-contact__open`,children:(0,G.jsx)(m,{id:`console.contact.handedOn`,defaultMessage:`Niet in het eerste contact beantwoord`,description:`A contact that was not resolved in the first contact`})})]},e.id))})]})]})}export{ce as ResidentPage};
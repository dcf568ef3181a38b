import{$ as e,A as t,B as n,C as r,G as i,H as a,I as o,L as s,M as c,P as l,U as u,V as d,W as f,at as p,ct as m,dt as h,gt as g,h as _,ht as v,j as y,l as b,lt as x,m as S,ot as C,q as w,r as T,st as E,tt as D,u as O,w as k,z as A}from"./index-JCgePl-Z.js";import{t as j}from"./CaseProgress-CH_O6ls0.js";import{t as M}from"./DateText-Dng6j3Rb.js";import{t as ee}from"./usePageQuery-CUWA1Gae.js";import{a as N,i as P,n as F,r as I,t as L}from"./ChannelName-C_3SDe-q.js";import{n as te,t as R}from"./labels-C8XEmDU-.js";import{t as z}from"./Field-DH6mFBmY.js";import{t as B}from"./useIdempotencyKey-C5OyPpKF.js";import{t as V}from"./ChoiceGroup-HDEgmI3W.js";import{t as H}from"./casePath-B2RrHfBe.js";import{t as U}from"./residentPath-CGnw1BHX.js";var W=g(v(),1),G=E(),K=c(`
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
`);function J({contactId:e,question:t,onDone:n}){let c=(0,W.useId)(),[{data:l}]=s({query:K}),[m,h]=(0,W.useState)(``),[g,v]=(0,W.useState)(``),[y,b]=(0,W.useState)(t),[x,S]=o(q),C=r(x.error),T=x.data?.requestCallback.callback,E=l?.tenant.callbackTeams??[],O=m||E[0]||``;return T?(0,G.jsxs)(A,{type:`ok`,role:`status`,children:[(0,G.jsx)(a,{children:(0,G.jsx)(p,{id:`console.handover.done`,defaultMessage:`Doorgezet naar {team}. Zij bellen uiterlijk {deadline} terug.`,description:`Confirmation after handing a question to a team`,values:{team:T.team,deadline:(0,G.jsx)(M,{value:T.deadline})}})}),(0,G.jsx)(D,{type:`button`,appearance:`secondary-action-button`,onClick:n,children:(0,G.jsx)(R,{name:`close`})})]}):(0,G.jsxs)(`section`,{"aria-labelledby":c,className:`loket-panel loket-panel--nested`,children:[(0,G.jsx)(d,{id:c,children:(0,G.jsx)(p,{id:`console.handover.title`,defaultMessage:`Doorzetten naar de backoffice`,description:`Heading of the hand-over form`})}),x.error&&C.size===0&&(0,G.jsx)(_,{error:k(x.error)}),(0,G.jsxs)(`form`,{className:`loket-form`,noValidate:!0,onSubmit:n=>{n.preventDefault(),S({input:{contactId:e,team:O,phone:g,question:y.trim()===t.trim()?null:y}})},children:[(0,G.jsx)(z,{label:(0,G.jsx)(R,{name:`team`}),error:C.get(`team`),children:e=>(0,G.jsx)(u,{...e,name:`team`,value:O,onChange:e=>h(e.target.value),children:E.map(e=>(0,G.jsx)(f,{value:e,children:e},e))})}),(0,G.jsx)(z,{label:(0,G.jsx)(p,{id:`console.handover.phone`,defaultMessage:`Terugbelnummer`,description:`Label of the number to call back`}),error:C.get(`phone`),children:e=>(0,G.jsx)(w,{...e,name:`phone`,type:`tel`,autoComplete:`off`,maxLength:20,value:g,onChange:e=>v(e.target.value)})}),(0,G.jsx)(z,{label:(0,G.jsx)(p,{id:`console.handover.question`,defaultMessage:`Vraag voor de backoffice`,description:`Label of the question handed on`}),error:C.get(`question`),children:e=>(0,G.jsx)(i,{...e,name:`question`,rows:2,maxLength:4e3,value:y,onChange:e=>b(e.target.value)})}),(0,G.jsx)(D,{type:`submit`,appearance:`primary-action-button`,busy:x.fetching,children:(0,G.jsx)(p,{id:`console.handover.submit`,defaultMessage:`Doorzetten`,description:`Button: hand the question to the team`})})]})]})}var Y=c(`
  query TopicSearch($search: String!) {
    products(search: $search, first: 5) {
      nodes {
        code
        name
      }
    }
  }
`);function X({value:e,onChange:t,error:n}){let r=C(),i=(0,W.useId)(),a=y(e.text.trim(),200),[o]=s({query:Y,variables:{search:a},pause:a.length<2}),c=a.length>=2?o.data?.products.nodes??[]:[];return(0,G.jsxs)(G.Fragment,{children:[(0,G.jsx)(z,{label:(0,G.jsx)(p,{id:`console.contact.topic`,defaultMessage:`Onderwerp`,description:`Label of the contact's topic`}),description:(0,G.jsx)(p,{id:`console.contact.topic.hint`,defaultMessage:`Typ een paar letters en kies een product, of houd het als eigen onderwerp.`,description:`Help under the topic field`}),error:n,children:n=>(0,G.jsx)(w,{...n,name:`topic`,autoComplete:`off`,maxLength:200,value:e.text,onChange:e=>t({text:e.target.value,product:null})})}),e.text.trim()!==``&&(0,G.jsxs)(V,{className:`loket-topic-choices`,legend:r.formatMessage({id:`console.contact.topic.choose`,defaultMessage:`Kies het onderwerp`,description:`Legend of the topic choices`}),children:[c.map(n=>(0,G.jsxs)(`div`,{className:`loket-choice`,children:[(0,G.jsx)(`input`,{type:`radio`,className:`utrecht-radio-button utrecht-radio-button--html-input`,id:`${i}-${n.code}`,name:i,checked:e.product===n.code,onChange:()=>t({text:e.text,product:n.code})}),(0,G.jsx)(`label`,{htmlFor:`${i}-${n.code}`,className:`utrecht-form-label utrecht-form-label--radio`,children:n.name})]},n.code)),(0,G.jsxs)(`div`,{className:`loket-choice`,children:[(0,G.jsx)(`input`,{type:`radio`,className:`utrecht-radio-button utrecht-radio-button--html-input`,id:`${i}-free`,name:i,checked:e.product===null,onChange:()=>t({text:e.text,product:null})}),(0,G.jsx)(`label`,{htmlFor:`${i}-free`,className:`utrecht-form-label utrecht-form-label--radio`,children:(0,G.jsx)(p,{id:`console.contact.topic.free`,defaultMessage:`Eigen onderwerp: {topic}`,description:`Choice: keep the typed text as the topic`,values:{topic:e.text.trim()}})})]})]})]})}var Z=c(`
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
`),Q={channel:`PHONE`,waitSeconds:``,receivedAt:``,topic:{text:``,product:null},question:``,answer:``,resolved:!0};function ne({bsn:t,onRegistered:s}){let c=N(),l=(0,W.useId)(),{can:d}=T(),[m,h]=(0,W.useState)(Q),[g,v]=(0,W.useState)(null),[y,b]=o(Z),x=B(JSON.stringify({bsn:t,draft:m})),S=r(y.error),C=I.includes(m.channel),E=P.includes(m.channel),O=e=>h(t=>({...t,...e}));return(0,G.jsxs)(`section`,{"aria-labelledby":l,className:`loket-panel`,children:[(0,G.jsx)(n,{id:l,children:(0,G.jsx)(p,{id:`console.contact.title`,defaultMessage:`Contact registreren`,description:`Heading of the register-contact form`})}),y.data&&!y.fetching&&(0,G.jsx)(A,{type:`ok`,role:`status`,children:(0,G.jsx)(a,{children:(0,G.jsx)(p,{id:`console.contact.registered`,defaultMessage:`Het contact is geregistreerd.`,description:`Confirmation after registering a contact`})})}),g&&d(`contact/callbacks`,`CREATE`)&&(0,G.jsx)(J,{contactId:g.id,question:g.question,onDone:()=>v(null)}),y.error&&S.size===0&&(0,G.jsx)(_,{error:k(y.error)}),(0,G.jsxs)(`form`,{className:`loket-form`,noValidate:!0,onSubmit:e=>{e.preventDefault();let n=Number.parseInt(m.waitSeconds,10);b({input:{channel:m.channel,subject:t,product:m.topic.product,topic:m.topic.product?null:m.topic.text.trim()||null,question:m.question,answer:m.answer,resolvedFirstContact:m.resolved,waitSeconds:C&&Number.isFinite(n)?n:null,receivedAt:E&&m.receivedAt?new Date(m.receivedAt).toISOString():null,idempotencyKey:x}}).then(e=>{let t=e.data?.registerContact.contact;t&&(v(t.resolvedFirstContact?null:t),h(Q),s())})},children:[(0,G.jsx)(z,{label:(0,G.jsx)(p,{id:`console.contact.channel`,defaultMessage:`Kanaal`,description:`Label of the contact's channel`}),error:S.get(`channel`),children:e=>(0,G.jsx)(u,{...e,name:`channel`,value:m.channel,onChange:e=>O({channel:e.target.value}),children:L.map(e=>(0,G.jsx)(f,{value:e,children:c(e)},e))})}),C&&(0,G.jsx)(z,{label:(0,G.jsx)(p,{id:`console.contact.wait`,defaultMessage:`Wachttijd in seconden`,description:`Label of the waiting time`}),error:S.get(`waitSeconds`),children:e=>(0,G.jsx)(w,{...e,name:`waitSeconds`,inputMode:`numeric`,autoComplete:`off`,maxLength:6,value:m.waitSeconds,onChange:e=>O({waitSeconds:e.target.value})})}),E&&(0,G.jsx)(z,{label:(0,G.jsx)(p,{id:`console.contact.receivedAt`,defaultMessage:`Binnengekomen op`,description:`Label of when a written question arrived`}),error:S.get(`receivedAt`),children:e=>(0,G.jsx)(w,{...e,name:`receivedAt`,type:`datetime-local`,value:m.receivedAt,onChange:e=>O({receivedAt:e.target.value})})}),(0,G.jsx)(X,{value:m.topic,onChange:e=>O({topic:e}),error:S.get(`topic`)??S.get(`product`)}),(0,G.jsx)(z,{label:(0,G.jsx)(R,{name:`question`}),error:S.get(`question`),children:e=>(0,G.jsx)(i,{...e,name:`question`,rows:2,maxLength:4e3,value:m.question,onChange:e=>O({question:e.target.value})})}),(0,G.jsx)(z,{label:(0,G.jsx)(p,{id:`console.contact.answer`,defaultMessage:`Antwoord`,description:`Label of the answer given`}),error:S.get(`answer`),children:e=>(0,G.jsx)(i,{...e,name:`answer`,rows:2,maxLength:4e3,value:m.answer,onChange:e=>O({answer:e.target.value})})}),(0,G.jsxs)(`div`,{className:`loket-choice`,children:[(0,G.jsx)(e,{id:`${l}-resolved`,name:`resolved`,checked:m.resolved,onChange:e=>O({resolved:e.target.checked})}),(0,G.jsx)(`label`,{htmlFor:`${l}-resolved`,className:`utrecht-form-label utrecht-form-label--checkbox`,children:(0,G.jsx)(p,{id:`console.contact.resolved`,defaultMessage:`Beantwoord in dit contact`,description:`Checkbox: answered in the first contact`})})]}),(0,G.jsx)(D,{type:`submit`,appearance:`primary-action-button`,busy:y.fetching,children:(0,G.jsx)(p,{id:`console.contact.submit`,defaultMessage:`Contact registreren`,description:`Button: register the contact`})})]})]})}var re=c(`
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
`),ae=[`COUNTER`,`PHONE`,`EMAIL`,`LETTER`],oe=m({COUNTER:{id:`channel.counter`,defaultMessage:`Balie`,description:`Channel`},PHONE:{id:`channel.phone`,defaultMessage:`Telefoon`,description:`Channel`},EMAIL:{id:`channel.email`,defaultMessage:`E-mail`,description:`Channel`},LETTER:{id:`channel.letter`,defaultMessage:`Post`,description:`Channel`}});function $({bsn:e,onStarted:n}){let c=C(),l=(0,W.useId)(),[{data:m}]=s({query:re}),h=(m?.caseTypes??[]).flatMap(e=>e.products.map(t=>({product:t,label:e.products.length>1?`${e.name} (${t})`:e.name}))),[g,v]=(0,W.useState)(``),[y,b]=(0,W.useState)(`COUNTER`),[x,S]=(0,W.useState)(``),w=g||h[0]?.product||``,T=B(JSON.stringify({bsn:e,chosen:w,channel:y,description:x})),[E,O]=o(ie),j=r(E.error),M=E.data?.startCase.cases??[];return(0,G.jsxs)(`section`,{"aria-labelledby":l,className:`loket-panel`,children:[(0,G.jsx)(d,{id:l,children:(0,G.jsx)(p,{id:`console.start.title`,defaultMessage:`Zaak starten voor deze inwoner`,description:`Heading of the start-case form`})}),M.length>0&&(0,G.jsx)(A,{type:`ok`,role:`status`,children:(0,G.jsxs)(a,{children:[(0,G.jsx)(p,{id:`console.start.done`,defaultMessage:`Gestart:`,description:`Before the list of started cases`}),` `,M.map(e=>(0,G.jsx)(t,{to:H(e.reference),children:[e.caseType.name,e.reference].join(` `)},e.id))]})}),E.error&&j.size===0&&(0,G.jsx)(_,{error:k(E.error)}),(0,G.jsxs)(`form`,{className:`loket-form`,noValidate:!0,onSubmit:t=>{t.preventDefault(),O({input:{bsn:e,product:w,channel:y,description:x.trim()||null,idempotencyKey:T}}).then(e=>{e.data&&n()})},children:[(0,G.jsx)(z,{label:(0,G.jsx)(p,{id:`console.start.product`,defaultMessage:`Wat vraagt de inwoner aan?`,description:`Label of the product to start a case for`}),error:j.get(`product`),children:e=>(0,G.jsx)(u,{...e,name:`product`,value:w,onChange:e=>v(e.target.value),children:h.map(e=>(0,G.jsx)(f,{value:e.product,children:e.label},e.product))})}),(0,G.jsx)(z,{label:(0,G.jsx)(p,{id:`console.start.channel`,defaultMessage:`Hoe kwam de aanvraag binnen?`,description:`Label of the channel a case came in by`}),error:j.get(`channel`),children:e=>(0,G.jsx)(u,{...e,name:`channel`,value:y,onChange:e=>b(e.target.value),children:ae.map(e=>(0,G.jsx)(f,{value:e,children:c.formatMessage(oe[e])},e))})}),(0,G.jsx)(z,{label:(0,G.jsx)(p,{id:`console.start.description`,defaultMessage:`Toelichting van de inwoner`,description:`Label of what the resident asks`}),error:j.get(`description`),children:e=>(0,G.jsx)(i,{...e,name:`description`,rows:2,maxLength:4e3,value:x,onChange:e=>S(e.target.value)})}),(0,G.jsx)(D,{type:`submit`,appearance:`secondary-action-button`,busy:E.fetching,children:(0,G.jsx)(p,{id:`console.start.submit`,defaultMessage:`Zaak starten`,description:`Button: start the case`})})]})]})}var se=c(`
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
`);function ce(){let e=h(),t=U(e.state);return t?(0,G.jsx)(le,{bsn:t}):(0,G.jsx)(x,{to:`/medewerker/inwoners`,replace:!0})}function le({bsn:e}){let r=C(),{can:i}=T(),o=(0,W.useId)(),s=(0,W.useId)(),{data:c,reexecute:u}=ee({query:se,variables:{bsn:e}});if(!c)return(0,G.jsx)(S,{});let{person:d,residentView:f}=c,m=d.address,h=()=>u({requestPolicy:`network-only`});return(0,G.jsxs)(G.Fragment,{children:[(0,G.jsx)(l,{children:d.name?.fullName??r.formatMessage({id:`console.resident.title`,defaultMessage:`Inwoner`,description:`Title of the resident page when the name may not be shown`})}),(0,G.jsxs)(`dl`,{className:`loket-facts`,children:[(0,G.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,G.jsx)(`dt`,{children:(0,G.jsx)(R,{name:`bsn`})}),(0,G.jsx)(`dd`,{children:d.bsn})]}),d.birth&&(0,G.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,G.jsx)(`dt`,{children:(0,G.jsx)(R,{name:`birthDate`})}),(0,G.jsx)(`dd`,{children:(0,G.jsx)(M,{value:d.birth.date})})]}),m&&(0,G.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,G.jsx)(`dt`,{children:(0,G.jsx)(R,{name:`address`})}),(0,G.jsx)(`dd`,{children:O(m)})]})]}),i(`contact/moments`,`CREATE`)&&(0,G.jsx)(ne,{bsn:d.bsn,onRegistered:h}),(0,G.jsxs)(`section`,{"aria-labelledby":o,children:[(0,G.jsx)(n,{id:o,children:(0,G.jsx)(p,{id:`console.resident.cases`,defaultMessage:`Zaken`,description:`Heading of the resident's cases across departments`})}),f.cases.nodes.length===0?(0,G.jsx)(a,{children:(0,G.jsx)(p,{id:`console.resident.noCases`,defaultMessage:`Geen zaken die u mag zien.`,description:`The resident has no cases the employee may read`})}):(0,G.jsx)(`ul`,{className:`loket-resident-cases`,children:f.cases.nodes.map(e=>(0,G.jsx)(`li`,{className:`loket-resident-case`,children:(0,G.jsxs)(`article`,{"aria-labelledby":`case-${e.id}`,children:[(0,G.jsx)(`h3`,{id:`case-${e.id}`,className:`utrecht-heading-3`,children:(0,G.jsx)(t,{to:H(e.reference),children:e.caseType.name})}),(0,G.jsxs)(`dl`,{className:`loket-facts`,children:[(0,G.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,G.jsx)(`dt`,{children:(0,G.jsx)(R,{name:`reference`})}),(0,G.jsx)(`dd`,{children:e.reference})]}),(0,G.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,G.jsx)(`dt`,{children:(0,G.jsx)(R,{name:`department`})}),(0,G.jsx)(`dd`,{children:e.caseType.department})]}),e.status&&(0,G.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,G.jsx)(`dt`,{children:(0,G.jsx)(R,{name:`status`})}),(0,G.jsxs)(`dd`,{children:[e.status.name,e.overdue&&(0,G.jsx)(te,{})]})]}),e.decision&&(0,G.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,G.jsx)(`dt`,{children:(0,G.jsx)(p,{id:`console.case.decision`,defaultMessage:`Besluit`,description:`Label of a case's decision`})}),(0,G.jsx)(`dd`,{className:`loket-case-decision-name`,children:e.decision.name})]})]}),e.status&&(0,G.jsxs)(`details`,{className:`loket-details`,children:[(0,G.jsx)(`summary`,{children:(0,G.jsx)(p,{id:`console.resident.steps`,defaultMessage:`Stappen bekijken`,description:`Opens the status steps of a case`})}),(0,G.jsx)(j,{case:e,"aria-label":r.formatMessage({id:`console.case.steps`,defaultMessage:`Stappen van zaak {reference}`,description:`Accessible name of the status steps in the console`},{reference:e.reference})})]})]})},e.id))}),i(`case/*`,`CREATE`)&&(0,G.jsx)($,{bsn:d.bsn,onStarted:h})]}),(0,G.jsxs)(`section`,{"aria-labelledby":s,children:[(0,G.jsx)(n,{id:s,children:(0,G.jsx)(p,{id:`console.resident.contacts`,defaultMessage:`Contacten`,description:`Heading of the resident's contact history`})}),f.contacts.nodes.length===0?(0,G.jsx)(a,{children:(0,G.jsx)(p,{id:`console.resident.noContacts`,defaultMessage:`Nog geen contacten.`,description:`The resident has no contact moments`})}):(0,G.jsx)(`ol`,{className:`loket-contacts`,children:f.contacts.nodes.map(e=>(0,G.jsxs)(`li`,{className:`loket-contact`,children:[(0,G.jsxs)(`p`,{className:`loket-contact__meta`,children:[(0,G.jsx)(M,{value:e.receivedAt,kind:`datetime`}),b,(0,G.jsx)(F,{channel:e.channel}),b,e.topicLabel,e.employee&&` · `,e.employee]}),(0,G.jsx)(`p`,{className:`loket-contact__question`,children:e.question}),e.answer&&(0,G.jsx)(`p`,{className:`loket-contact__answer`,children:e.answer}),!e.resolvedFirstContact&&(0,G.jsx)(`p`,{className:`loket-contact__open`,children:(0,G.jsx)(p,{id:`console.contact.handedOn`,defaultMessage:`Niet in het eerste contact beantwoord`,description:`A contact that was not resolved in the first contact`})})]},e.id))})]})]})}export{ce as ResidentPage};
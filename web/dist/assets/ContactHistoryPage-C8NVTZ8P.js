import{B as e,H as t,M as n,P as r,at as i,d as a,ot as o,st as s}from"./index-BoWHM9-R.js";import{t as c}from"./DateText-C8ouzo8M.js";import{t as l}from"./usePageQuery-IGS0VNgU.js";var u=s(),d=n(`
  query MyContacts {
    me {
      contactMoments(first: 50) {
        totalCount
        edges {
          node {
            id
            channel
            topicLabel
            question
            answer
            receivedAt
            resolvedFirstContact
            caseReference
          }
        }
      }
    }
  }
`);function f({channel:e}){switch(e){case`PHONE`:return(0,u.jsx)(i,{id:`contact.channel.phone`,defaultMessage:`Telefoon`,description:`Contact channel`});case`EMAIL`:return(0,u.jsx)(i,{id:`contact.channel.email`,defaultMessage:`E-mail`,description:`Contact channel`});case`COUNTER`:return(0,u.jsx)(i,{id:`contact.channel.counter`,defaultMessage:`Balie`,description:`Contact channel`});case`WEB_FORM`:return(0,u.jsx)(i,{id:`contact.channel.webForm`,defaultMessage:`Formulier op de website`,description:`Contact channel`});case`CHAT`:return(0,u.jsx)(i,{id:`contact.channel.chat`,defaultMessage:`Chat`,description:`Contact channel`});case`LETTER`:return(0,u.jsx)(i,{id:`contact.channel.letter`,defaultMessage:`Brief`,description:`Contact channel`});case`SOCIAL_MEDIA`:return(0,u.jsx)(i,{id:`contact.channel.social`,defaultMessage:`Sociale media`,description:`Contact channel`});default:return e}}function p(){let n=o(),{data:s}=l({query:d,requestPolicy:`cache-and-network`}),p=s?.me.contactMoments;return(0,u.jsxs)(u.Fragment,{children:[(0,u.jsx)(r,{children:n.formatMessage({id:`contact.title`,defaultMessage:`Uw contact met de gemeente`,description:`Title of the contact history`})}),p?p.totalCount===0?(0,u.jsx)(t,{children:(0,u.jsx)(i,{id:`contact.none`,defaultMessage:`Er is nog geen contact met u geregistreerd.`,description:`Contact history is empty`})}):(0,u.jsx)(`ul`,{className:`loket-contact-list`,children:p.edges.map(({node:n})=>(0,u.jsx)(`li`,{className:`loket-contact`,children:(0,u.jsxs)(`article`,{"aria-labelledby":`contact-${n.id}`,children:[(0,u.jsx)(e,{id:`contact-${n.id}`,className:`loket-contact__heading`,children:(0,u.jsx)(`span`,{lang:`nl`,children:n.topicLabel})}),(0,u.jsxs)(`dl`,{className:`loket-facts`,children:[(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(i,{id:`contact.when`,defaultMessage:`Wanneer`,description:`Label`})}),(0,u.jsx)(`dd`,{children:(0,u.jsx)(c,{value:n.receivedAt,kind:`datetime`})})]}),(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(i,{id:`contact.how`,defaultMessage:`Hoe`,description:`Label`})}),(0,u.jsx)(`dd`,{children:(0,u.jsx)(f,{channel:n.channel})})]}),(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(i,{id:`contact.question`,defaultMessage:`Uw vraag`,description:`Label`})}),(0,u.jsx)(`dd`,{lang:`nl`,children:n.question})]}),n.answer&&(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(i,{id:`contact.answer`,defaultMessage:`Ons antwoord`,description:`Label`})}),(0,u.jsx)(`dd`,{lang:`nl`,children:n.answer})]}),n.caseReference&&(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(i,{id:`contact.case`,defaultMessage:`Over zaak`,description:`Label`})}),(0,u.jsx)(`dd`,{children:n.caseReference})]})]}),!n.resolvedFirstContact&&(0,u.jsx)(t,{className:`loket-contact__open`,children:(0,u.jsx)(i,{id:`contact.handedOn`,defaultMessage:`Deze vraag is doorgegeven. U hoort van ons.`,description:`The question was handed on to the back office`})})]})},n.id))}):(0,u.jsx)(a,{})]})}export{p as ContactHistoryPage};
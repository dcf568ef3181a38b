import{B as e,D as t,V as n,k as r,o as i,x as a,y as o,z as s}from"./index-TB5vsFs-.js";import{t as c}from"./DateText-BO4PAvwy.js";import{t as l}from"./usePageQuery-BfRcTO7K.js";var u=n(),d=o(`
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
`);function f({channel:e}){switch(e){case`PHONE`:return(0,u.jsx)(s,{id:`contact.channel.phone`,defaultMessage:`Telefoon`,description:`Contact channel`});case`EMAIL`:return(0,u.jsx)(s,{id:`contact.channel.email`,defaultMessage:`E-mail`,description:`Contact channel`});case`COUNTER`:return(0,u.jsx)(s,{id:`contact.channel.counter`,defaultMessage:`Balie`,description:`Contact channel`});case`WEB_FORM`:return(0,u.jsx)(s,{id:`contact.channel.webForm`,defaultMessage:`Formulier op de website`,description:`Contact channel`});case`CHAT`:return(0,u.jsx)(s,{id:`contact.channel.chat`,defaultMessage:`Chat`,description:`Contact channel`});case`LETTER`:return(0,u.jsx)(s,{id:`contact.channel.letter`,defaultMessage:`Brief`,description:`Contact channel`});case`SOCIAL_MEDIA`:return(0,u.jsx)(s,{id:`contact.channel.social`,defaultMessage:`Sociale media`,description:`Contact channel`});default:return e}}function p(){let n=e(),{data:o}=l({query:d,requestPolicy:`cache-and-network`}),p=o?.me.contactMoments;return(0,u.jsxs)(u.Fragment,{children:[(0,u.jsx)(a,{children:n.formatMessage({id:`contact.title`,defaultMessage:`Uw contact met de gemeente`,description:`Title of the contact history`})}),p?p.totalCount===0?(0,u.jsx)(r,{children:(0,u.jsx)(s,{id:`contact.none`,defaultMessage:`Er is nog geen contact met u geregistreerd.`,description:`Contact history is empty`})}):(0,u.jsx)(`ul`,{className:`loket-contact-list`,children:p.edges.map(({node:e})=>(0,u.jsx)(`li`,{className:`loket-contact`,children:(0,u.jsxs)(`article`,{"aria-labelledby":`contact-${e.id}`,children:[(0,u.jsx)(t,{id:`contact-${e.id}`,className:`loket-contact__heading`,children:(0,u.jsx)(`span`,{lang:`nl`,children:e.topicLabel})}),(0,u.jsxs)(`dl`,{className:`loket-facts`,children:[(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(s,{id:`contact.when`,defaultMessage:`Wanneer`,description:`Label`})}),(0,u.jsx)(`dd`,{children:(0,u.jsx)(c,{value:e.receivedAt,kind:`datetime`})})]}),(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(s,{id:`contact.how`,defaultMessage:`Hoe`,description:`Label`})}),(0,u.jsx)(`dd`,{children:(0,u.jsx)(f,{channel:e.channel})})]}),(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(s,{id:`contact.question`,defaultMessage:`Uw vraag`,description:`Label`})}),(0,u.jsx)(`dd`,{lang:`nl`,children:e.question})]}),e.answer&&(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(s,{id:`contact.answer`,defaultMessage:`Ons antwoord`,description:`Label`})}),(0,u.jsx)(`dd`,{lang:`nl`,children:e.answer})]}),e.caseReference&&(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(s,{id:`contact.case`,defaultMessage:`Over zaak`,description:`Label`})}),(0,u.jsx)(`dd`,{children:e.caseReference})]})]}),!e.resolvedFirstContact&&(0,u.jsx)(r,{className:`loket-contact__open`,children:(0,u.jsx)(s,{id:`contact.handedOn`,defaultMessage:`Deze vraag is doorgegeven. U hoort van ons.`,description:`The question was handed on to the back office`})})]})},e.id))}):(0,u.jsx)(i,{})]})}export{p as ContactHistoryPage};
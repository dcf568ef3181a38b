import{$ as e,B as t,H as n,I as r,K as i,M as a,N as o,P as s,S as c,T as l,at as u,b as d,d as f,f as p,g as m,gt as h,ht as g,ot as _,q as v,st as y,tt as b,u as x,x as S}from"./index-BoWHM9-R.js";import{t as C}from"./ChoiceGroup-DiAsFPAk.js";import{t as w}from"./DateText-C8ouzo8M.js";import{t as T}from"./Field-c_iBCutW.js";import{t as E}from"./FieldError-CCtURuME.js";import{t as D}from"./usePageQuery-IGS0VNgU.js";var O=h(g(),1),k=y(),A=a(`
  mutation Subscribe($input: SubscribeInput!) {
    subscribe(input: $input) {
      subscription {
        id
        topic
      }
    }
  }
`),j=[`EMAIL`,`SMS`],M=(0,O.forwardRef)(function({topic:e,heading:a,intro:o,language:s,extraInput:l,children:f,className:h,...g},y){let x=_(),S=(0,O.useId)(),[w,D]=(0,O.useState)(`EMAIL`),[M,N]=(0,O.useState)(``),[P,F]=(0,O.useState)(null),[I,L]=(0,O.useState)(!1),[R,z]=r(A),B=(0,O.useRef)(!1),V=d(P??void 0),H=e=>{let t=V.get(e);return t?(0,k.jsx)(E,{message:t}):void 0},U=P?c(P).find(e=>!(e instanceof m&&e.field)):void 0;async function W(t){if(t.preventDefault(),B.current)return;B.current=!0,L(!1),F(null);let n=await z({input:{topic:e,channel:w,address:M,language:s,...l}});B.current=!1,n.data?(L(!0),N(``)):n.error&&F(n.error)}return(0,k.jsxs)(`section`,{ref:y,"aria-labelledby":`${S}-heading`,className:[`loket-subscribe`,h].filter(Boolean).join(` `),...g,children:[(0,k.jsx)(t,{id:`${S}-heading`,children:a}),(0,k.jsx)(n,{children:o}),U&&(0,k.jsx)(p,{error:U,explanations:{CONFLICT:(0,k.jsx)(u,{id:`subscribe.conflict`,defaultMessage:`U bent hier al voor aangemeld met dit adres. U hoeft niets te doen.`,description:`Explains a CONFLICT when subscribing twice`})}}),(0,k.jsxs)(`form`,{className:`loket-form`,noValidate:!0,onSubmit:e=>void W(e),children:[f?.(H),(0,k.jsx)(C,{legend:x.formatMessage({id:`subscribe.channel`,defaultMessage:`Hoe wilt u het horen?`,description:`Legend of the channel choice`}),error:H(`channel`),children:j.map(e=>(0,k.jsxs)(`div`,{className:`loket-choice`,children:[(0,k.jsx)(i,{id:`${S}-${e}`,name:`${S}-channel`,value:e,checked:w===e,onChange:()=>D(e)}),(0,k.jsx)(`label`,{htmlFor:`${S}-${e}`,className:`utrecht-form-label utrecht-form-label--radio`,children:e===`EMAIL`?(0,k.jsx)(u,{id:`subscribe.email`,defaultMessage:`Per e-mail`,description:`Channel choice`}):(0,k.jsx)(u,{id:`subscribe.sms`,defaultMessage:`Per sms`,description:`Channel choice`})})]},e))}),(0,k.jsx)(T,{label:w===`EMAIL`?x.formatMessage({id:`subscribe.emailAddress`,defaultMessage:`Uw e-mailadres`,description:`Label`}):x.formatMessage({id:`subscribe.phone`,defaultMessage:`Uw mobiele nummer`,description:`Label`}),error:H(`address`),children:({invalid:e,...t})=>(0,k.jsx)(v,{...t,invalid:e,type:w===`EMAIL`?`email`:`tel`,autoComplete:w===`EMAIL`?`email`:`tel`,name:`address`,value:M,onChange:e=>N(e.target.value)})}),(0,k.jsx)(b,{type:`submit`,appearance:`primary-action-button`,busy:R.fetching,"aria-disabled":R.fetching||void 0,children:(0,k.jsx)(u,{id:`subscribe.submit`,defaultMessage:`Aanmelden`,description:`Submit button of a subscription form`})}),(0,k.jsx)(`p`,{role:`status`,className:`loket-subscribe__status`,children:I&&(0,k.jsx)(u,{id:`subscribe.done`,defaultMessage:`Gelukt. U bent aangemeld.`,description:`Confirmation after subscribing`})})]})]})}),N=a(`
  fragment SubscriptionItem_Subscription on NotificationSubscription {
    id
    topic
    channel
    address
    radiusMeters
    products
    createdAt
  }
`),P=a(`
  mutation Unsubscribe($input: UnsubscribeInput!) {
    unsubscribe(input: $input) {
      subscription {
        id
        endedAt
      }
    }
  }
`);function F({topic:e}){switch(e){case`MY_CASES`:return(0,k.jsx)(u,{id:`topic.myCases`,defaultMessage:`Nieuws over mijn zaken`,description:`Subscription topic`});case`NEAR_ME`:return(0,k.jsx)(u,{id:`topic.nearMe`,defaultMessage:`Vergunningen in mijn buurt`,description:`Subscription topic`});case`REMINDERS`:return(0,k.jsx)(u,{id:`topic.reminders`,defaultMessage:`Herinnering reisdocument`,description:`Subscription topic`});case`WEBHOOK`:return(0,k.jsx)(u,{id:`topic.webhook`,defaultMessage:`Koppeling`,description:`Subscription topic`});default:return e}}var I=(0,O.forwardRef)(function({subscription:e,className:t,...n},i){let a=o(N,e),s=(0,O.useId)(),[c,l]=r(P);return(0,k.jsxs)(`article`,{ref:i,"aria-labelledby":s,className:[`loket-subscription`,t].filter(Boolean).join(` `),...n,children:[(0,k.jsx)(`p`,{id:s,className:`loket-subscription__topic`,children:(0,k.jsx)(`strong`,{children:(0,k.jsx)(F,{topic:a.topic})})}),(0,k.jsxs)(`p`,{className:`loket-subscription__details`,children:[(0,k.jsx)(u,{id:`subscription.details`,defaultMessage:`{channel, select, SMS {Per sms naar} other {Per e-mail naar}} {address}, sinds {date}`,description:`How and since when a subscription sends messages`,values:{channel:a.channel,address:a.address,date:(0,k.jsx)(w,{value:a.createdAt})}}),a.radiusMeters!==null&&a.radiusMeters!==void 0&&(0,k.jsxs)(k.Fragment,{children:[` · `,(0,k.jsx)(u,{id:`subscription.radius`,defaultMessage:`binnen {radius} meter`,description:`The radius of a near-me subscription`,values:{radius:a.radiusMeters}})]})]}),c.error&&(0,k.jsx)(p,{error:S(c.error)}),(0,k.jsxs)(b,{type:`button`,appearance:`secondary-action-button`,busy:c.fetching,"aria-disabled":c.fetching||void 0,onClick:()=>{c.fetching||l({input:{id:a.id}})},children:[(0,k.jsx)(u,{id:`subscription.stop`,defaultMessage:`Afmelden`,description:`Button to end a subscription`}),(0,k.jsxs)(`span`,{className:`loket-visually-hidden`,children:[` `,(0,k.jsx)(F,{topic:a.topic})]})]})]})}),L=a(`
  query MyNotifications {
    me {
      subscriptions(first: 50) {
        edges {
          node {
            id
            ...SubscriptionItem_Subscription
          }
        }
      }
      person {
        travelDocuments {
          kind
          number
          expiresOn
        }
      }
    }
    tenant {
      languages
      notificationSettings {
        nearMeRadiusMeters
        nearMeMaxRadiusMeters
        travelDocumentReminderWeeks
      }
    }
    caseTypes {
      code
      publicNotice
    }
    products(first: 100) {
      nodes {
        code
        name
        caseType
      }
    }
  }
`),R={additionalTypenames:[`NotificationSubscription`]};function z(){let r=_(),{locale:i}=x(),{languages:a}=l(),{data:o}=D({query:L,context:R}),c=(0,O.useId)(),[d,p]=(0,O.useState)(null),[m,h]=(0,O.useState)(new Set);if(!o)return(0,k.jsx)(f,{});let g=o.tenant.notificationSettings,y=a.includes(i)?i:o.tenant.languages[0]??`nl`,b=new Set(o.caseTypes.filter(e=>e.publicNotice).map(e=>e.code)),S=o.products.nodes.filter(e=>e.caseType&&b.has(e.caseType)),E=o.me.subscriptions?.edges??[],A=d??String(g.nearMeRadiusMeters),j=Number.parseInt(A,10);return(0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(s,{children:r.formatMessage({id:`notifications.title`,defaultMessage:`Berichten en herinneringen`,description:`Title of the notifications page`})}),(0,k.jsx)(n,{children:(0,k.jsx)(u,{id:`notifications.lead`,defaultMessage:`Wij laten het u weten als er iets verandert. U kiest zelf waarover, en of dat per e-mail of sms gaat.`,description:`Introduction on the notifications page`})}),(0,k.jsxs)(`section`,{"aria-labelledby":c,className:`loket-subscriptions`,children:[(0,k.jsx)(t,{id:c,children:(0,k.jsx)(u,{id:`notifications.active`,defaultMessage:`Waar bent u voor aangemeld?`,description:`Heading of the active subscriptions`})}),E.length===0?(0,k.jsx)(n,{children:(0,k.jsx)(u,{id:`notifications.none`,defaultMessage:`U bent nog nergens voor aangemeld.`,description:`No subscriptions yet`})}):(0,k.jsx)(`ul`,{className:`loket-subscriptions__list`,children:E.map(({node:e})=>(0,k.jsx)(`li`,{children:(0,k.jsx)(I,{subscription:e})},e.id))})]}),(0,k.jsx)(M,{topic:`MY_CASES`,language:y,heading:r.formatMessage({id:`notifications.cases`,defaultMessage:`Nieuws over mijn zaken`,description:`Heading`}),intro:(0,k.jsx)(u,{id:`notifications.cases.intro`,defaultMessage:`U hoort het als we uw aanvraag hebben ontvangen, als de status verandert en als er een besluit is.`,description:`What the my-cases subscription sends`})}),(0,k.jsx)(M,{topic:`NEAR_ME`,language:y,extraInput:{radiusMeters:Number.isFinite(j)?j:null,products:[...m].sort()},heading:r.formatMessage({id:`notifications.nearMe`,defaultMessage:`Vergunningen in mijn buurt`,description:`Heading`}),intro:(0,k.jsx)(u,{id:`notifications.nearMe.intro`,defaultMessage:`U hoort het als iemand in uw buurt een vergunning aanvraagt of krijgt. Er staan geen namen in het bericht.`,description:`What the near-me subscription sends`}),children:t=>(0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(T,{label:r.formatMessage({id:`notifications.radius`,defaultMessage:`Hoe ver van uw huis? (in meters)`,description:`Label of the radius`}),description:r.formatMessage({id:`notifications.radius.hint`,defaultMessage:`Tussen 50 en {max} meter.`,description:`Help under the radius`},{max:g.nearMeMaxRadiusMeters}),error:t(`radiusMeters`),children:({invalid:e,...t})=>(0,k.jsx)(v,{...t,invalid:e,type:`number`,inputMode:`numeric`,min:50,max:g.nearMeMaxRadiusMeters,step:50,name:`radius`,value:A,onChange:e=>p(e.target.value)})}),(0,k.jsx)(C,{legend:r.formatMessage({id:`notifications.products`,defaultMessage:`Over welke vergunningen?`,description:`Legend of the permit choice`}),description:r.formatMessage({id:`notifications.products.hint`,defaultMessage:`Kiest u niets, dan hoort u over alle vergunningen.`,description:`Help under the permit choice`}),error:t(`products`),children:S.map(t=>(0,k.jsxs)(`div`,{className:`loket-choice`,children:[(0,k.jsx)(e,{id:`near-${t.code}`,checked:m.has(t.code),onChange:e=>{let n=new Set(m);e.target.checked?n.add(t.code):n.delete(t.code),h(n)}}),(0,k.jsx)(`label`,{htmlFor:`near-${t.code}`,className:`utrecht-form-label utrecht-form-label--checkbox`,lang:`nl`,children:t.name})]},t.code))})]})}),(0,k.jsx)(M,{topic:`REMINDERS`,language:y,heading:r.formatMessage({id:`notifications.reminders`,defaultMessage:`Herinnering voor uw reisdocument`,description:`Heading`}),intro:(0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(u,{id:`notifications.reminders.intro`,defaultMessage:`We sturen u een herinnering {weeks} weken voordat uw paspoort of identiteitskaart verloopt.`,description:`What the reminder subscription sends`,values:{weeks:r.formatList(g.travelDocumentReminderWeeks.map(String),{type:`conjunction`})}}),` `,o.me.person?.travelDocuments?.map(e=>(0,k.jsxs)(`span`,{className:`loket-reminder-document`,children:[(0,k.jsx)(u,{id:`notifications.reminders.document`,defaultMessage:`Uw document {number} verloopt op {date}.`,description:`A travel document's expiry, next to the reminder form`,values:{number:e.number,date:(0,k.jsx)(w,{value:e.expiresOn})}}),` `]},e.number))]})})]})}export{z as NotificationsPage};
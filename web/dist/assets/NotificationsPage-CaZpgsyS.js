import{$ as e,B as t,C as n,H as r,I as i,K as a,M as o,N as s,O as c,P as l,T as u,at as d,gt as f,h as p,ht as m,m as h,ot as g,p as _,q as v,st as y,tt as b,w as x,y as S}from"./index-JCgePl-Z.js";import{t as C}from"./ChoiceGroup-HDEgmI3W.js";import{t as w}from"./DateText-Dng6j3Rb.js";import{t as T}from"./Field-DH6mFBmY.js";import{t as E}from"./FieldError-EAw7X3Ih.js";import{t as D}from"./usePageQuery-CUWA1Gae.js";var O=f(m(),1),k=y(),A=o(`
  mutation Subscribe($input: SubscribeInput!) {
    subscribe(input: $input) {
      subscription {
        id
        topic
      }
    }
  }
`),j=[`EMAIL`,`SMS`],M=(0,O.forwardRef)(function({topic:e,heading:o,intro:s,language:c,extraInput:l,children:f,className:m,...h},_){let y=g(),x=(0,O.useId)(),[w,D]=(0,O.useState)(`EMAIL`),[M,N]=(0,O.useState)(``),[P,F]=(0,O.useState)(null),[I,L]=(0,O.useState)(!1),[R,z]=i(A),B=(0,O.useRef)(!1),V=n(P??void 0),H=e=>{let t=V.get(e);return t?(0,k.jsx)(E,{message:t}):void 0},U=P?u(P).find(e=>!(e instanceof S&&e.field)):void 0;async function W(t){if(t.preventDefault(),B.current)return;B.current=!0,L(!1),F(null);let n=await z({input:{topic:e,channel:w,address:M,language:c,...l}});B.current=!1,n.data?(L(!0),N(``)):n.error&&F(n.error)}return(0,k.jsxs)(`section`,{ref:_,"aria-labelledby":`${x}-heading`,className:[`loket-subscribe`,m].filter(Boolean).join(` `),...h,children:[(0,k.jsx)(t,{id:`${x}-heading`,children:o}),(0,k.jsx)(r,{children:s}),U&&(0,k.jsx)(p,{error:U,explanations:{CONFLICT:(0,k.jsx)(d,{id:`subscribe.conflict`,defaultMessage:`U bent hier al voor aangemeld met dit adres. U hoeft niets te doen.`,description:`Explains a CONFLICT when subscribing twice`})}}),(0,k.jsxs)(`form`,{className:`loket-form`,noValidate:!0,onSubmit:e=>void W(e),children:[f?.(H),(0,k.jsx)(C,{legend:y.formatMessage({id:`subscribe.channel`,defaultMessage:`Hoe wilt u het horen?`,description:`Legend of the channel choice`}),error:H(`channel`),children:j.map(e=>(0,k.jsxs)(`div`,{className:`loket-choice`,children:[(0,k.jsx)(a,{id:`${x}-${e}`,name:`${x}-channel`,value:e,checked:w===e,onChange:()=>D(e)}),(0,k.jsx)(`label`,{htmlFor:`${x}-${e}`,className:`utrecht-form-label utrecht-form-label--radio`,children:e===`EMAIL`?(0,k.jsx)(d,{id:`subscribe.email`,defaultMessage:`Per e-mail`,description:`Channel choice`}):(0,k.jsx)(d,{id:`subscribe.sms`,defaultMessage:`Per sms`,description:`Channel choice`})})]},e))}),(0,k.jsx)(T,{label:w===`EMAIL`?y.formatMessage({id:`subscribe.emailAddress`,defaultMessage:`Uw e-mailadres`,description:`Label`}):y.formatMessage({id:`subscribe.phone`,defaultMessage:`Uw mobiele nummer`,description:`Label`}),error:H(`address`),children:({invalid:e,...t})=>(0,k.jsx)(v,{...t,invalid:e,type:w===`EMAIL`?`email`:`tel`,autoComplete:w===`EMAIL`?`email`:`tel`,name:`address`,value:M,onChange:e=>N(e.target.value)})}),(0,k.jsx)(b,{type:`submit`,appearance:`primary-action-button`,busy:R.fetching,"aria-disabled":R.fetching||void 0,children:(0,k.jsx)(d,{id:`subscribe.submit`,defaultMessage:`Aanmelden`,description:`Submit button of a subscription form`})}),(0,k.jsx)(`p`,{role:`status`,className:`loket-subscribe__status`,children:I&&(0,k.jsx)(d,{id:`subscribe.done`,defaultMessage:`Gelukt. U bent aangemeld.`,description:`Confirmation after subscribing`})})]})]})}),N=o(`
  fragment SubscriptionItem_Subscription on NotificationSubscription {
    id
    topic
    channel
    address
    radiusMeters
    products
    createdAt
  }
`),P=o(`
  mutation Unsubscribe($input: UnsubscribeInput!) {
    unsubscribe(input: $input) {
      subscription {
        id
        endedAt
      }
    }
  }
`);function F({topic:e}){switch(e){case`MY_CASES`:return(0,k.jsx)(d,{id:`topic.myCases`,defaultMessage:`Nieuws over mijn zaken`,description:`Subscription topic`});case`NEAR_ME`:return(0,k.jsx)(d,{id:`topic.nearMe`,defaultMessage:`Vergunningen in mijn buurt`,description:`Subscription topic`});case`REMINDERS`:return(0,k.jsx)(d,{id:`topic.reminders`,defaultMessage:`Herinnering reisdocument`,description:`Subscription topic`});case`WEBHOOK`:return(0,k.jsx)(d,{id:`topic.webhook`,defaultMessage:`Koppeling`,description:`Subscription topic`});default:return e}}var I=(0,O.forwardRef)(function({subscription:e,className:t,...n},r){let a=s(N,e),o=(0,O.useId)(),[c,l]=i(P);return(0,k.jsxs)(`article`,{ref:r,"aria-labelledby":o,className:[`loket-subscription`,t].filter(Boolean).join(` `),...n,children:[(0,k.jsx)(`p`,{id:o,className:`loket-subscription__topic`,children:(0,k.jsx)(`strong`,{children:(0,k.jsx)(F,{topic:a.topic})})}),(0,k.jsxs)(`p`,{className:`loket-subscription__details`,children:[(0,k.jsx)(d,{id:`subscription.details`,defaultMessage:`{channel, select, SMS {Per sms naar} other {Per e-mail naar}} {address}, sinds {date}`,description:`How and since when a subscription sends messages`,values:{channel:a.channel,address:a.address,date:(0,k.jsx)(w,{value:a.createdAt})}}),a.radiusMeters!==null&&a.radiusMeters!==void 0&&(0,k.jsxs)(k.Fragment,{children:[` · `,(0,k.jsx)(d,{id:`subscription.radius`,defaultMessage:`binnen {radius} meter`,description:`The radius of a near-me subscription`,values:{radius:a.radiusMeters}})]})]}),c.error&&(0,k.jsx)(p,{error:x(c.error)}),(0,k.jsxs)(b,{type:`button`,appearance:`secondary-action-button`,busy:c.fetching,"aria-disabled":c.fetching||void 0,onClick:()=>{c.fetching||l({input:{id:a.id}})},children:[(0,k.jsx)(d,{id:`subscription.stop`,defaultMessage:`Afmelden`,description:`Button to end a subscription`}),(0,k.jsxs)(`span`,{className:`loket-visually-hidden`,children:[` `,(0,k.jsx)(F,{topic:a.topic})]})]})]})}),L=o(`
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
`),R={additionalTypenames:[`NotificationSubscription`]};function z(){let n=g(),{locale:i}=_(),{languages:a}=c(),{data:o}=D({query:L,context:R}),s=(0,O.useId)(),[u,f]=(0,O.useState)(null),[p,m]=(0,O.useState)(new Set);if(!o)return(0,k.jsx)(h,{});let y=o.tenant.notificationSettings,b=a.includes(i)?i:o.tenant.languages[0]??`nl`,x=new Set(o.caseTypes.filter(e=>e.publicNotice).map(e=>e.code)),S=o.products.nodes.filter(e=>e.caseType&&x.has(e.caseType)),E=o.me.subscriptions?.edges??[],A=u??String(y.nearMeRadiusMeters),j=Number.parseInt(A,10);return(0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(l,{children:n.formatMessage({id:`notifications.title`,defaultMessage:`Berichten en herinneringen`,description:`Title of the notifications page`})}),(0,k.jsx)(r,{children:(0,k.jsx)(d,{id:`notifications.lead`,defaultMessage:`Wij laten het u weten als er iets verandert. U kiest zelf waarover, en of dat per e-mail of sms gaat.`,description:`Introduction on the notifications page`})}),(0,k.jsxs)(`section`,{"aria-labelledby":s,className:`loket-subscriptions`,children:[(0,k.jsx)(t,{id:s,children:(0,k.jsx)(d,{id:`notifications.active`,defaultMessage:`Waar bent u voor aangemeld?`,description:`Heading of the active subscriptions`})}),E.length===0?(0,k.jsx)(r,{children:(0,k.jsx)(d,{id:`notifications.none`,defaultMessage:`U bent nog nergens voor aangemeld.`,description:`No subscriptions yet`})}):(0,k.jsx)(`ul`,{className:`loket-subscriptions__list`,children:E.map(({node:e})=>(0,k.jsx)(`li`,{children:(0,k.jsx)(I,{subscription:e})},e.id))})]}),(0,k.jsx)(M,{topic:`MY_CASES`,language:b,heading:n.formatMessage({id:`notifications.cases`,defaultMessage:`Nieuws over mijn zaken`,description:`Heading`}),intro:(0,k.jsx)(d,{id:`notifications.cases.intro`,defaultMessage:`U hoort het als we uw aanvraag hebben ontvangen, als de status verandert en als er een besluit is.`,description:`What the my-cases subscription sends`})}),(0,k.jsx)(M,{topic:`NEAR_ME`,language:b,extraInput:{radiusMeters:Number.isFinite(j)?j:null,products:[...p].sort()},heading:n.formatMessage({id:`notifications.nearMe`,defaultMessage:`Vergunningen in mijn buurt`,description:`Heading`}),intro:(0,k.jsx)(d,{id:`notifications.nearMe.intro`,defaultMessage:`U hoort het als iemand in uw buurt een vergunning aanvraagt of krijgt. Er staan geen namen in het bericht.`,description:`What the near-me subscription sends`}),children:t=>(0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(T,{label:n.formatMessage({id:`notifications.radius`,defaultMessage:`Hoe ver van uw huis? (in meters)`,description:`Label of the radius`}),description:n.formatMessage({id:`notifications.radius.hint`,defaultMessage:`Tussen 50 en {max} meter.`,description:`Help under the radius`},{max:y.nearMeMaxRadiusMeters}),error:t(`radiusMeters`),children:({invalid:e,...t})=>(0,k.jsx)(v,{...t,invalid:e,type:`number`,inputMode:`numeric`,min:50,max:y.nearMeMaxRadiusMeters,step:50,name:`radius`,value:A,onChange:e=>f(e.target.value)})}),(0,k.jsx)(C,{legend:n.formatMessage({id:`notifications.products`,defaultMessage:`Over welke vergunningen?`,description:`Legend of the permit choice`}),description:n.formatMessage({id:`notifications.products.hint`,defaultMessage:`Kiest u niets, dan hoort u over alle vergunningen.`,description:`Help under the permit choice`}),error:t(`products`),children:S.map(t=>(0,k.jsxs)(`div`,{className:`loket-choice`,children:[(0,k.jsx)(e,{id:`near-${t.code}`,checked:p.has(t.code),onChange:e=>{let n=new Set(p);e.target.checked?n.add(t.code):n.delete(t.code),m(n)}}),(0,k.jsx)(`label`,{htmlFor:`near-${t.code}`,className:`utrecht-form-label utrecht-form-label--checkbox`,lang:`nl`,children:t.name})]},t.code))})]})}),(0,k.jsx)(M,{topic:`REMINDERS`,language:b,heading:n.formatMessage({id:`notifications.reminders`,defaultMessage:`Herinnering voor uw reisdocument`,description:`Heading`}),intro:(0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(d,{id:`notifications.reminders.intro`,defaultMessage:`We sturen u een herinnering {weeks} weken voordat uw paspoort of identiteitskaart verloopt.`,description:`What the reminder subscription sends`,values:{weeks:n.formatList(y.travelDocumentReminderWeeks.map(String),{type:`conjunction`})}}),` `,o.me.person?.travelDocuments?.map(e=>(0,k.jsxs)(`span`,{className:`loket-reminder-document`,children:[(0,k.jsx)(d,{id:`notifications.reminders.document`,defaultMessage:`Uw document {number} verloopt op {date}.`,description:`A travel document's expiry, next to the reminder form`,values:{number:e.number,date:(0,k.jsx)(w,{value:e.expiresOn})}}),` `]},e.number))]})})]})}export{z as NotificationsPage};
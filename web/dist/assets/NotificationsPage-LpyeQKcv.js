import{B as e,C as t,D as n,I as r,K as i,L as a,M as o,V as s,_ as c,a as l,b as u,f as d,j as f,k as p,l as m,m as h,o as g,p as _,q as v,s as y,x as b,y as x,z as S}from"./index-TB5vsFs-.js";import{n as C,r as w,t as T}from"./FieldError-ZbqFcBau.js";import{t as E}from"./DateText-BO4PAvwy.js";import{t as D}from"./usePageQuery-BfRcTO7K.js";var O=v(i(),1),k=s(),A=x(`
  mutation Subscribe($input: SubscribeInput!) {
    subscribe(input: $input) {
      subscription {
        id
        topic
      }
    }
  }
`),j=[`EMAIL`,`SMS`],M=(0,O.forwardRef)(function({topic:r,heading:i,intro:s,language:c,extraInput:l,children:u,className:g,..._},v){let b=e(),x=(0,O.useId)(),[E,D]=(0,O.useState)(`EMAIL`),[M,N]=(0,O.useState)(``),[P,F]=(0,O.useState)(null),[I,L]=(0,O.useState)(!1),[R,z]=t(A),B=(0,O.useRef)(!1),V=d(P??void 0),H=e=>{let t=V.get(e);return t?(0,k.jsx)(T,{message:t}):void 0},U=P?h(P).find(e=>!(e instanceof m&&e.field)):void 0;async function W(e){if(e.preventDefault(),B.current)return;B.current=!0,L(!1),F(null);let t=await z({input:{topic:r,channel:E,address:M,language:c,...l}});B.current=!1,t.data?(L(!0),N(``)):t.error&&F(t.error)}return(0,k.jsxs)(`section`,{ref:v,"aria-labelledby":`${x}-heading`,className:[`loket-subscribe`,g].filter(Boolean).join(` `),..._,children:[(0,k.jsx)(n,{id:`${x}-heading`,children:i}),(0,k.jsx)(p,{children:s}),U&&(0,k.jsx)(y,{error:U,explanations:{CONFLICT:(0,k.jsx)(S,{id:`subscribe.conflict`,defaultMessage:`U bent hier al voor aangemeld met dit adres. U hoeft niets te doen.`,description:`Explains a CONFLICT when subscribing twice`})}}),(0,k.jsxs)(`form`,{className:`loket-form`,noValidate:!0,onSubmit:e=>void W(e),children:[u?.(H),(0,k.jsx)(w,{legend:b.formatMessage({id:`subscribe.channel`,defaultMessage:`Hoe wilt u het horen?`,description:`Legend of the channel choice`}),error:H(`channel`),children:j.map(e=>(0,k.jsxs)(`div`,{className:`loket-choice`,children:[(0,k.jsx)(f,{id:`${x}-${e}`,name:`${x}-channel`,value:e,checked:E===e,onChange:()=>D(e)}),(0,k.jsx)(`label`,{htmlFor:`${x}-${e}`,className:`utrecht-form-label utrecht-form-label--radio`,children:e===`EMAIL`?(0,k.jsx)(S,{id:`subscribe.email`,defaultMessage:`Per e-mail`,description:`Channel choice`}):(0,k.jsx)(S,{id:`subscribe.sms`,defaultMessage:`Per sms`,description:`Channel choice`})})]},e))}),(0,k.jsx)(C,{label:E===`EMAIL`?b.formatMessage({id:`subscribe.emailAddress`,defaultMessage:`Uw e-mailadres`,description:`Label`}):b.formatMessage({id:`subscribe.phone`,defaultMessage:`Uw mobiele nummer`,description:`Label`}),error:H(`address`),children:({invalid:e,...t})=>(0,k.jsx)(o,{...t,invalid:e,type:E===`EMAIL`?`email`:`tel`,autoComplete:E===`EMAIL`?`email`:`tel`,name:`address`,value:M,onChange:e=>N(e.target.value)})}),(0,k.jsx)(a,{type:`submit`,appearance:`primary-action-button`,busy:R.fetching,"aria-disabled":R.fetching||void 0,children:(0,k.jsx)(S,{id:`subscribe.submit`,defaultMessage:`Aanmelden`,description:`Submit button of a subscription form`})}),(0,k.jsx)(`p`,{role:`status`,className:`loket-subscribe__status`,children:I&&(0,k.jsx)(S,{id:`subscribe.done`,defaultMessage:`Gelukt. U bent aangemeld.`,description:`Confirmation after subscribing`})})]})]})}),N=x(`
  fragment SubscriptionItem_Subscription on NotificationSubscription {
    id
    topic
    channel
    address
    radiusMeters
    products
    createdAt
  }
`),P=x(`
  mutation Unsubscribe($input: UnsubscribeInput!) {
    unsubscribe(input: $input) {
      subscription {
        id
        endedAt
      }
    }
  }
`);function F({topic:e}){switch(e){case`MY_CASES`:return(0,k.jsx)(S,{id:`topic.myCases`,defaultMessage:`Nieuws over mijn zaken`,description:`Subscription topic`});case`NEAR_ME`:return(0,k.jsx)(S,{id:`topic.nearMe`,defaultMessage:`Vergunningen in mijn buurt`,description:`Subscription topic`});case`REMINDERS`:return(0,k.jsx)(S,{id:`topic.reminders`,defaultMessage:`Herinnering reisdocument`,description:`Subscription topic`});case`WEBHOOK`:return(0,k.jsx)(S,{id:`topic.webhook`,defaultMessage:`Koppeling`,description:`Subscription topic`});default:return e}}var I=(0,O.forwardRef)(function({subscription:e,className:n,...r},i){let o=u(N,e),s=(0,O.useId)(),[c,l]=t(P);return(0,k.jsxs)(`article`,{ref:i,"aria-labelledby":s,className:[`loket-subscription`,n].filter(Boolean).join(` `),...r,children:[(0,k.jsx)(`p`,{id:s,className:`loket-subscription__topic`,children:(0,k.jsx)(`strong`,{children:(0,k.jsx)(F,{topic:o.topic})})}),(0,k.jsxs)(`p`,{className:`loket-subscription__details`,children:[(0,k.jsx)(S,{id:`subscription.details`,defaultMessage:`{channel, select, SMS {Per sms naar} other {Per e-mail naar}} {address}, sinds {date}`,description:`How and since when a subscription sends messages`,values:{channel:o.channel,address:o.address,date:(0,k.jsx)(E,{value:o.createdAt})}}),o.radiusMeters!==null&&o.radiusMeters!==void 0&&(0,k.jsxs)(k.Fragment,{children:[` · `,(0,k.jsx)(S,{id:`subscription.radius`,defaultMessage:`binnen {radius} meter`,description:`The radius of a near-me subscription`,values:{radius:o.radiusMeters}})]})]}),c.error&&(0,k.jsx)(y,{error:_(c.error)}),(0,k.jsxs)(a,{type:`button`,appearance:`secondary-action-button`,busy:c.fetching,"aria-disabled":c.fetching||void 0,onClick:()=>{c.fetching||l({input:{id:o.id}})},children:[(0,k.jsx)(S,{id:`subscription.stop`,defaultMessage:`Afmelden`,description:`Button to end a subscription`}),(0,k.jsxs)(`span`,{className:`loket-visually-hidden`,children:[` `,(0,k.jsx)(F,{topic:o.topic})]})]})]})}),L=x(`
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
`),R={additionalTypenames:[`NotificationSubscription`]};function z(){let t=e(),{locale:i}=l(),{languages:a}=c(),{data:s}=D({query:L,context:R}),u=(0,O.useId)(),[d,f]=(0,O.useState)(null),[m,h]=(0,O.useState)(new Set);if(!s)return(0,k.jsx)(g,{});let _=s.tenant.notificationSettings,v=a.includes(i)?i:s.tenant.languages[0]??`nl`,y=new Set(s.caseTypes.filter(e=>e.publicNotice).map(e=>e.code)),x=s.products.nodes.filter(e=>e.caseType&&y.has(e.caseType)),T=s.me.subscriptions?.edges??[],A=d??String(_.nearMeRadiusMeters),j=Number.parseInt(A,10);return(0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(b,{children:t.formatMessage({id:`notifications.title`,defaultMessage:`Berichten en herinneringen`,description:`Title of the notifications page`})}),(0,k.jsx)(p,{children:(0,k.jsx)(S,{id:`notifications.lead`,defaultMessage:`Wij laten het u weten als er iets verandert. U kiest zelf waarover, en of dat per e-mail of sms gaat.`,description:`Introduction on the notifications page`})}),(0,k.jsxs)(`section`,{"aria-labelledby":u,className:`loket-subscriptions`,children:[(0,k.jsx)(n,{id:u,children:(0,k.jsx)(S,{id:`notifications.active`,defaultMessage:`Waar bent u voor aangemeld?`,description:`Heading of the active subscriptions`})}),T.length===0?(0,k.jsx)(p,{children:(0,k.jsx)(S,{id:`notifications.none`,defaultMessage:`U bent nog nergens voor aangemeld.`,description:`No subscriptions yet`})}):(0,k.jsx)(`ul`,{className:`loket-subscriptions__list`,children:T.map(({node:e})=>(0,k.jsx)(`li`,{children:(0,k.jsx)(I,{subscription:e})},e.id))})]}),(0,k.jsx)(M,{topic:`MY_CASES`,language:v,heading:t.formatMessage({id:`notifications.cases`,defaultMessage:`Nieuws over mijn zaken`,description:`Heading`}),intro:(0,k.jsx)(S,{id:`notifications.cases.intro`,defaultMessage:`U hoort het als we uw aanvraag hebben ontvangen, als de status verandert en als er een besluit is.`,description:`What the my-cases subscription sends`})}),(0,k.jsx)(M,{topic:`NEAR_ME`,language:v,extraInput:{radiusMeters:Number.isFinite(j)?j:null,products:[...m].sort()},heading:t.formatMessage({id:`notifications.nearMe`,defaultMessage:`Vergunningen in mijn buurt`,description:`Heading`}),intro:(0,k.jsx)(S,{id:`notifications.nearMe.intro`,defaultMessage:`U hoort het als iemand in uw buurt een vergunning aanvraagt of krijgt. Er staan geen namen in het bericht.`,description:`What the near-me subscription sends`}),children:e=>(0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(C,{label:t.formatMessage({id:`notifications.radius`,defaultMessage:`Hoe ver van uw huis? (in meters)`,description:`Label of the radius`}),description:t.formatMessage({id:`notifications.radius.hint`,defaultMessage:`Tussen 50 en {max} meter.`,description:`Help under the radius`},{max:_.nearMeMaxRadiusMeters}),error:e(`radiusMeters`),children:({invalid:e,...t})=>(0,k.jsx)(o,{...t,invalid:e,type:`number`,inputMode:`numeric`,min:50,max:_.nearMeMaxRadiusMeters,step:50,name:`radius`,value:A,onChange:e=>f(e.target.value)})}),(0,k.jsx)(w,{legend:t.formatMessage({id:`notifications.products`,defaultMessage:`Over welke vergunningen?`,description:`Legend of the permit choice`}),description:t.formatMessage({id:`notifications.products.hint`,defaultMessage:`Kiest u niets, dan hoort u over alle vergunningen.`,description:`Help under the permit choice`}),error:e(`products`),children:x.map(e=>(0,k.jsxs)(`div`,{className:`loket-choice`,children:[(0,k.jsx)(r,{id:`near-${e.code}`,checked:m.has(e.code),onChange:t=>{let n=new Set(m);t.target.checked?n.add(e.code):n.delete(e.code),h(n)}}),(0,k.jsx)(`label`,{htmlFor:`near-${e.code}`,className:`utrecht-form-label utrecht-form-label--checkbox`,lang:`nl`,children:e.name})]},e.code))})]})}),(0,k.jsx)(M,{topic:`REMINDERS`,language:v,heading:t.formatMessage({id:`notifications.reminders`,defaultMessage:`Herinnering voor uw reisdocument`,description:`Heading`}),intro:(0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(S,{id:`notifications.reminders.intro`,defaultMessage:`We sturen u een herinnering {weeks} weken voordat uw paspoort of identiteitskaart verloopt.`,description:`What the reminder subscription sends`,values:{weeks:t.formatList(_.travelDocumentReminderWeeks.map(String),{type:`conjunction`})}}),` `,s.me.person?.travelDocuments?.map(e=>(0,k.jsxs)(`span`,{className:`loket-reminder-document`,children:[(0,k.jsx)(S,{id:`notifications.reminders.document`,defaultMessage:`Uw document {number} verloopt op {date}.`,description:`A travel document's expiry, next to the reminder form`,values:{number:e.number,date:(0,k.jsx)(E,{value:e.expiresOn})}}),` `]},e.number))]})})]})}export{z as NotificationsPage};
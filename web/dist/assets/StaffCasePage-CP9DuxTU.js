import{B as e,C as t,D as n,F as r,H as i,I as a,L as o,M as s,P as c,R as l,V as u,_ as d,at as f,b as p,ct as m,d as h,et as g,gt as _,ht as v,k as y,ot as b,pt as ee,st as x,tt as S,x as C,z as w}from"./index-BoWHM9-R.js";import{t as T}from"./CaseDecision-l3QHgsAN.js";import{t as te}from"./CaseProgress-ClpzIDBG.js";import{t as E}from"./DateText-C8ouzo8M.js";import{t as D}from"./usePageQuery-IGS0VNgU.js";import{t as O}from"./ActionError-Dwe0gDLV.js";import{n as k,r as A,t as j}from"./FormFields-vnC_hBtq.js";import{n as ne,t as M}from"./labels-gOw5r-l8.js";import{n as re}from"./images-TY7_tYcT.js";import{t as N}from"./Table-qSrJnayI.js";var P=_(v(),1),F=x();function I({title:e,onSubmit:t,children:n}){let r=(0,P.useId)();return(0,F.jsxs)(`form`,{className:`loket-form loket-panel`,"aria-labelledby":r,noValidate:!0,onSubmit:e=>{e.preventDefault(),t()},children:[(0,F.jsx)(u,{id:r,children:e}),n]})}function L(e,{onConflict:t,onChanged:n}){let[r,i]=a(e),[o,s]=(0,P.useState)(void 0);return{busy:r.fetching,error:o,run:(e,r)=>{i(e).then(e=>{if(e.error){let n=C(e.error);s(n instanceof d?void 0:e.error),n instanceof d&&t()}else s(void 0),r(),n()})}}}var R=s(`
  mutation ConsoleReopen($input: ReopenCaseInput!) {
    reopenCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`);function z({c:e,...t}){let n=b(),r=L(R,t),[i,a]=(0,P.useState)(``),o=p(r.error);return(0,F.jsxs)(I,{title:(0,F.jsx)(f,{id:`console.actions.reopen`,defaultMessage:`Heropenen`,description:`Heading of the form to reopen an ended report`}),onSubmit:()=>r.run({input:{caseId:e.id,expectedVersion:e.version,publicExplanation:i.trim()||null}},()=>a(``)),children:[(0,F.jsx)(O,{error:r.error}),(0,F.jsx)(k,{label:n.formatMessage({id:`console.actions.reopen.public`,defaultMessage:`Uitleg voor de melders (niet verplicht)`,description:`Label of the explanation sent to the reporters when reopening`}),description:n.formatMessage({id:`console.actions.reopen.hint`,defaultMessage:`Zonder uitleg krijgen de melders de standaardtekst van de status. De melding krijgt een nieuwe termijn.`,description:`Help under the reopen explanation`}),name:`publicExplanation`,value:i,onChange:a,error:o.get(`publicExplanation`)}),(0,F.jsx)(S,{type:`submit`,appearance:`secondary-action-button`,busy:r.busy,children:(0,F.jsx)(f,{id:`console.actions.reopen.submit`,defaultMessage:`Melding heropenen`,description:`Button: reopen the ended report`})})]})}var B=s(`
  mutation ConsoleSetStatus($input: SetCaseStatusInput!) {
    setCaseStatus(input: $input) {
      case {
        id
        version
      }
    }
  }
`),V=s(`
  mutation ConsoleDecide($input: DecideCaseInput!) {
    decideCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`),H=s(`
  mutation ConsoleSuspend($input: MoveDeadlineInput!) {
    suspendCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`),U=s(`
  mutation ConsoleExtend($input: MoveDeadlineInput!) {
    extendCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`),W=s(`
  mutation ConsoleAddNote($input: AddCaseNoteInput!) {
    addCaseNote(input: $input) {
      case {
        id
        version
      }
    }
  }
`),G=s(`
  mutation ConsoleAssign($input: AssignCaseInput!) {
    assignCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`);function K({case:t,me:n,...r}){let i=(0,P.useId)(),a=!t.status?.end,{update:o,decide:s,addNote:c,assign:l}=t.permissions,u=!a&&s&&!!t.position;return!(a&&(o||s||l))&&!c&&!u?null:(0,F.jsxs)(`section`,{"aria-labelledby":i,className:`loket-case-actions`,children:[(0,F.jsx)(e,{id:i,children:(0,F.jsx)(f,{id:`console.actions.title`,defaultMessage:`Behandelen`,description:`Heading of a case's actions`})}),a&&l&&(0,F.jsx)(ae,{c:t,me:n,...r}),a&&o&&(0,F.jsx)(q,{c:t,...r}),a&&s&&(0,F.jsx)(J,{c:t,...r}),a&&o&&(0,F.jsx)(ie,{c:t,...r}),u&&(0,F.jsx)(z,{c:t,...r}),c&&(0,F.jsx)(Y,{c:t,...r})]})}function q({c:e,...t}){let n=b(),r=L(B,t),i=e.caseType.statuses.find(t=>t.code===e.status?.code),a=e.caseType.statuses.filter(e=>!e.end&&i?.next.includes(e.code)).map(e=>({value:e.code,label:e.name})),[o,s]=(0,P.useState)(``),[c,l]=(0,P.useState)(``),[u,d]=(0,P.useState)(``),m=p(r.error),h=o||a[0]?.value||``;return a.length===0?null:(0,F.jsxs)(I,{title:(0,F.jsx)(f,{id:`console.actions.status`,defaultMessage:`Status wijzigen`,description:`Heading of the status form`}),onSubmit:()=>r.run({input:{caseId:e.id,status:h,expectedVersion:e.version,publicExplanation:c.trim()||null,internalRemark:u.trim()||null}},()=>{s(``),l(``),d(``)}),children:[(0,F.jsx)(O,{error:r.error}),(0,F.jsx)(j,{label:(0,F.jsx)(f,{id:`console.actions.newStatus`,defaultMessage:`Nieuwe status`,description:`Label`}),name:`status`,value:h,onChange:s,options:a,error:m.get(`status`)}),(0,F.jsx)(k,{label:n.formatMessage({id:`console.actions.public`,defaultMessage:`Uitleg voor de inwoner`,description:`Label of the public explanation`}),name:`publicExplanation`,value:c,onChange:l,error:m.get(`publicExplanation`)}),(0,F.jsx)(k,{label:n.formatMessage({id:`console.actions.internal`,defaultMessage:`Interne opmerking`,description:`Label of the internal remark`}),name:`internalRemark`,value:u,onChange:d,error:m.get(`internalRemark`)}),(0,F.jsx)(S,{type:`submit`,appearance:`primary-action-button`,busy:r.busy,children:(0,F.jsx)(f,{id:`console.actions.status.submit`,defaultMessage:`Status wijzigen`,description:`Button`})})]})}function J({c:e,...t}){let n=L(V,t),r=e.caseType.outcomes.map(e=>({value:e.code,label:e.name})),[i,a]=(0,P.useState)(``),[o,s]=(0,P.useState)(``),c=p(n.error),l=i||r[0]?.value||``;return(0,F.jsxs)(I,{title:(0,F.jsx)(f,{id:`console.actions.decide`,defaultMessage:`Besluiten`,description:`Heading of the decide form`}),onSubmit:()=>n.run({input:{caseId:e.id,outcome:l,explanation:o,expectedVersion:e.version}},()=>s(``)),children:[(0,F.jsx)(O,{error:n.error}),(0,F.jsx)(j,{label:(0,F.jsx)(f,{id:`console.actions.outcome`,defaultMessage:`Uitkomst`,description:`Label`}),name:`outcome`,value:l,onChange:a,options:r,error:c.get(`outcome`)}),(0,F.jsx)(k,{label:(0,F.jsx)(f,{id:`console.actions.explanation`,defaultMessage:`Motivering voor de inwoner`,description:`Label of a decision's explanation`}),name:`explanation`,value:o,onChange:s,error:c.get(`explanation`)}),(0,F.jsx)(S,{type:`submit`,appearance:`primary-action-button`,busy:n.busy,children:(0,F.jsx)(f,{id:`console.actions.decide.submit`,defaultMessage:`Besluit nemen`,description:`Button`})})]})}function ie({c:e,...t}){let n=b(),r=L(H,t),i=L(U,t),a=[e.caseType.suspensionMaxDays>0&&{value:`suspend`,label:n.formatMessage({id:`console.actions.suspend`,defaultMessage:`Opschorten`,description:`Deadline action`})},e.caseType.extensionMaxDays>0&&{value:`extend`,label:n.formatMessage({id:`console.actions.extend`,defaultMessage:`Verlengen`,description:`Deadline action`})}].filter(e=>!!e),[o,s]=(0,P.useState)(``),[c,l]=(0,P.useState)(``),[u,d]=(0,P.useState)(``),m=o||a[0]?.value||``,h=m===`extend`?i:r,g=p(h.error);return a.length===0?null:(0,F.jsxs)(I,{title:(0,F.jsx)(f,{id:`console.actions.deadline`,defaultMessage:`Termijn opschorten of verlengen`,description:`Heading of the deadline form`}),onSubmit:()=>h.run({input:{caseId:e.id,days:Number.parseInt(c,10)||0,reason:u,expectedVersion:e.version}},()=>{l(``),d(``)}),children:[(0,F.jsx)(O,{error:h.error}),(0,F.jsx)(j,{label:(0,F.jsx)(f,{id:`console.actions.deadlineKind`,defaultMessage:`Wat`,description:`Label: suspend or extend`}),name:`kind`,value:m,onChange:s,options:a}),(0,F.jsx)(A,{label:(0,F.jsx)(f,{id:`console.actions.days`,defaultMessage:`Aantal dagen`,description:`Label`}),name:`days`,inputMode:`numeric`,value:c,onChange:l,error:g.get(`days`)}),(0,F.jsx)(k,{label:(0,F.jsx)(f,{id:`console.actions.reason`,defaultMessage:`Reden`,description:`Label`}),name:`reason`,value:u,onChange:d,error:g.get(`reason`)}),(0,F.jsx)(S,{type:`submit`,appearance:`secondary-action-button`,busy:h.busy,children:(0,F.jsx)(f,{id:`console.actions.deadline.submit`,defaultMessage:`Termijn aanpassen`,description:`Button`})})]})}function Y({c:e,...t}){let n=L(W,t),[r,i]=(0,P.useState)(``),a=p(n.error);return(0,F.jsxs)(I,{title:(0,F.jsx)(f,{id:`console.actions.note`,defaultMessage:`Notitie toevoegen`,description:`Heading of the note form`}),onSubmit:()=>n.run({input:{caseId:e.id,text:r}},()=>i(``)),children:[(0,F.jsx)(O,{error:n.error}),(0,F.jsx)(k,{label:(0,F.jsx)(f,{id:`console.actions.noteText`,defaultMessage:`Notitie (alleen voor collega’s)`,description:`Label of an internal note`}),name:`text`,value:r,onChange:i,error:a.get(`text`)}),(0,F.jsx)(S,{type:`submit`,appearance:`secondary-action-button`,busy:n.busy,children:(0,F.jsx)(f,{id:`console.actions.note.submit`,defaultMessage:`Notitie opslaan`,description:`Button`})})]})}function ae({c:e,me:t,...n}){let r=L(G,n),[i,a]=(0,P.useState)(``),o=p(r.error),s=t=>r.run({input:{caseId:e.id,handler:t,expectedVersion:e.version}},()=>a(``));return(0,F.jsxs)(I,{title:(0,F.jsx)(f,{id:`console.actions.assign`,defaultMessage:`Toewijzen`,description:`Heading of the assign form`}),onSubmit:()=>s(i.trim()||null),children:[(0,F.jsx)(O,{error:r.error}),(0,F.jsxs)(g,{children:[e.handler!==t&&(0,F.jsx)(S,{type:`button`,appearance:`secondary-action-button`,busy:r.busy,onClick:()=>s(t),children:(0,F.jsx)(f,{id:`console.actions.take`,defaultMessage:`Zelf oppakken`,description:`Button: assign the case to me`})}),e.handler&&(0,F.jsx)(S,{type:`button`,appearance:`subtle-button`,busy:r.busy,onClick:()=>s(null),children:(0,F.jsx)(f,{id:`console.actions.release`,defaultMessage:`Vrijgeven`,description:`Button: release the case`})})]}),(0,F.jsx)(A,{label:(0,F.jsx)(f,{id:`console.actions.handler`,defaultMessage:`Of toewijzen aan (medewerker-id)`,description:`Label`}),name:`handler`,value:i,onChange:a,error:o.get(`handler`)}),(0,F.jsx)(S,{type:`submit`,appearance:`secondary-action-button`,busy:r.busy,children:(0,F.jsx)(f,{id:`console.actions.assign.submit`,defaultMessage:`Toewijzen`,description:`Button`})})]})}var X=m({status:{id:`console.journal.status`,defaultMessage:`Status gewijzigd`,description:`Journal entry kind`},note:{id:`console.journal.note`,defaultMessage:`Notitie`,description:`Journal entry kind`},assigned:{id:`console.journal.assigned`,defaultMessage:`Toegewezen`,description:`Journal entry kind`},suspended:{id:`console.journal.suspended`,defaultMessage:`Opgeschort`,description:`Journal entry kind`},extended:{id:`console.journal.extended`,defaultMessage:`Verlengd`,description:`Journal entry kind`},decided:{id:`console.journal.decided`,defaultMessage:`Besloten`,description:`Journal entry kind`},reopened:{id:`console.journal.reopened`,defaultMessage:`Heropend`,description:`Journal entry kind: an ended report was taken up again`},joined:{id:`console.journal.joined`,defaultMessage:`Melder volgt mee`,description:`Journal entry kind: another reporter follows the report`}});function Z(){let e=b();return t=>t in X?e.formatMessage(X[t]):t}function oe({entries:t}){let r=(0,P.useId)(),i=Z();return(0,F.jsxs)(`section`,{"aria-labelledby":r,children:[(0,F.jsx)(e,{id:r,children:(0,F.jsx)(f,{id:`console.journal.title`,defaultMessage:`Journaal`,description:`Heading of the case journal`})}),(0,F.jsx)(`ol`,{className:`loket-journal`,children:[...t].reverse().map((e,t)=>(0,F.jsxs)(`li`,{className:`loket-journal__entry`,children:[(0,F.jsxs)(`p`,{className:`loket-journal__meta`,children:[(0,F.jsx)(E,{value:e.at,kind:`datetime`}),n,y([i(e.kind),e.status]),e.days!==null&&e.days!==void 0&&(0,F.jsxs)(F.Fragment,{children:[` · `,(0,F.jsx)(f,{id:`console.journal.days`,defaultMessage:`{days, plural, one {# dag} other {# dagen}}`,description:`Days suspended or extended`,values:{days:e.days}})]}),n,e.actor]}),e.publicText&&(0,F.jsxs)(`p`,{className:`loket-journal__public`,children:[(0,F.jsx)(`strong`,{children:(0,F.jsx)(f,{id:`console.journal.public`,defaultMessage:`Voor de inwoner:`,description:`Label of text the resident sees`})}),` `,e.publicText]}),e.internalText&&(0,F.jsxs)(`p`,{className:`loket-journal__internal`,children:[(0,F.jsx)(`strong`,{children:(0,F.jsx)(f,{id:`console.journal.internal`,defaultMessage:`Intern:`,description:`Label of text for colleagues only`})}),` `,e.internalText]})]},`${e.at}-${t}`))})]})}function se({conflict:t,onReload:n,onClose:r}){let a=(0,P.useRef)(null),o=(0,P.useId)(),s=Z();(0,P.useEffect)(()=>{let e=a.current;return e&&!e.open&&e.showModal(),()=>e?.close()},[]);let{before:c,now:l}=t,u=l?.journal?.slice(c.journal?.length??0)??[];return(0,F.jsxs)(`dialog`,{ref:a,className:`loket-dialog`,"aria-labelledby":o,onClose:r,children:[(0,F.jsx)(e,{id:o,children:(0,F.jsx)(f,{id:`console.conflict.title`,defaultMessage:`Deze zaak is intussen gewijzigd`,description:`Title of the conflict dialog`})}),(0,F.jsx)(i,{children:(0,F.jsx)(f,{id:`console.conflict.lead`,defaultMessage:`Een collega heeft de zaak gewijzigd nadat u hem opende. Uw wijziging is niet opgeslagen; wat u invulde staat er nog.`,description:`Explains the conflict`})}),l&&(0,F.jsxs)(`ul`,{className:`loket-conflict__changes`,children:[l.status?.name!==c.status?.name&&(0,F.jsx)(`li`,{children:(0,F.jsx)(f,{id:`console.conflict.status`,defaultMessage:`Status: {before} → {now}`,description:`A changed status`,values:{before:c.status?.name??`–`,now:l.status?.name??`–`}})}),l.handler!==c.handler&&(0,F.jsx)(`li`,{children:(0,F.jsx)(f,{id:`console.conflict.handler`,defaultMessage:`Behandelaar: {before} → {now}`,description:`A changed handler`,values:{before:c.handler??`–`,now:l.handler??`–`}})}),l.deadline!==c.deadline&&(0,F.jsx)(`li`,{children:(0,F.jsx)(f,{id:`console.conflict.deadline`,defaultMessage:`Termijn: {before} → {now}`,description:`A changed deadline`,values:{before:(0,F.jsx)(E,{value:c.deadline}),now:(0,F.jsx)(E,{value:l.deadline})}})}),l.decision&&!c.decision&&(0,F.jsx)(`li`,{children:(0,F.jsx)(f,{id:`console.conflict.decided`,defaultMessage:`Besloten: {outcome}`,description:`The case was decided meanwhile`,values:{outcome:l.decision.name}})}),u.map((e,t)=>(0,F.jsxs)(`li`,{children:[(0,F.jsx)(E,{value:e.at,kind:`datetime`}),` · `,y([s(e.kind),e.actor,e.status])]},`${e.at}-${t}`))]}),(0,F.jsxs)(g,{children:[(0,F.jsx)(S,{type:`button`,appearance:`primary-action-button`,onClick:n,children:(0,F.jsx)(M,{name:`reload`})}),(0,F.jsx)(S,{type:`button`,appearance:`secondary-action-button`,onClick:r,children:(0,F.jsx)(M,{name:`close`})})]})]})}var ce=s(`
  query IntegralView($reference: String!) {
    case(reference: $reference) {
      id
      integralView {
        conflict
        conflictingDepartments
        cases {
          reference
          caseType
          department
          status
          open
        }
      }
    }
  }
`);function le({reference:t}){let n=(0,P.useId)(),[{data:r}]=o({query:ce,variables:{reference:t},requestPolicy:`cache-and-network`}),a=r?.case.integralView;return a?.conflict?(0,F.jsxs)(w,{type:`warning`,className:`loket-integral`,"aria-labelledby":n,children:[(0,F.jsx)(e,{id:n,children:(0,F.jsx)(f,{id:`console.case.integral`,defaultMessage:`Besluiten op dit adres spreken elkaar tegen`,description:`Heading of the integral view's conflict warning`})}),(0,F.jsx)(i,{children:(0,F.jsx)(f,{id:`console.case.integral.call`,defaultMessage:`Overleg met: {departments}.`,description:`The departments to call about the conflicting decisions`,values:{departments:a.conflictingDepartments.join(`, `)}})}),(0,F.jsx)(`ul`,{children:a.cases.map(e=>(0,F.jsx)(`li`,{children:y([e.caseType,e.reference,e.department,e.status])},e.reference))})]}):null}function ue(e,t){let[n,r]=(0,P.useState)({for:``,src:null,failed:!1}),i=`${e} ${t??``}`;return(0,P.useEffect)(()=>{if(!t)return;let n=new AbortController;return re(e,t,n.signal).then(e=>r({for:i,src:e,failed:!1}),()=>{n.signal.aborted||r({for:i,src:null,failed:!0})}),()=>n.abort()},[e,t,i]),t?n.for===i?{src:n.src,failed:n.failed}:{src:null,failed:!1}:{src:null,failed:!0}}var de=s(`
  query StaffReportPhotos($reference: String!) {
    case(reference: $reference) {
      id
      photos {
        id
        createdAt
        url
      }
    }
  }
`);function fe({src:t,alt:n,onClose:r}){let i=(0,P.useRef)(null),a=(0,P.useId)();return(0,P.useEffect)(()=>{let e=i.current;return e&&!e.open&&e.showModal(),()=>e?.close()},[]),(0,F.jsxs)(`dialog`,{ref:i,className:`loket-dialog loket-photo-dialog`,"aria-labelledby":a,onClose:r,children:[(0,F.jsx)(e,{id:a,children:n}),(0,F.jsx)(`div`,{className:`loket-photo-dialog__image`,children:(0,F.jsx)(`img`,{src:t,alt:n})}),(0,F.jsx)(S,{type:`button`,appearance:`secondary-action-button`,onClick:r,children:(0,F.jsx)(M,{name:`close`})})]})}function pe({url:e,alt:t,createdAt:n,token:r}){let{src:a,failed:o}=ue(e,r),[s,c]=(0,P.useState)(!1),l=(0,P.useRef)(null);return(0,F.jsxs)(`li`,{className:`loket-report-photos__item`,children:[(0,F.jsxs)(`figure`,{className:`loket-report-photos__figure`,children:[a?(0,F.jsx)(`img`,{className:`loket-report-photos__image`,src:a,alt:t}):(0,F.jsx)(i,{className:`loket-report-photos__placeholder`,children:o?(0,F.jsx)(f,{id:`console.publicReport.photoFailed`,defaultMessage:`{photo} kon niet worden geladen.`,description:`A report's photo could not be fetched`,values:{photo:t}}):(0,F.jsx)(f,{id:`console.publicReport.photoLoading`,defaultMessage:`{photo} wordt geladen…`,description:`A report's photo is being fetched`,values:{photo:t}})}),(0,F.jsx)(`figcaption`,{children:(0,F.jsx)(f,{id:`console.publicReport.photoSent`,defaultMessage:`Verstuurd op {date}`,description:`When a report's photo was sent`,values:{date:(0,F.jsx)(E,{value:n,kind:`datetime`})}})})]}),a&&(0,F.jsx)(S,{ref:l,type:`button`,appearance:`secondary-action-button`,"aria-haspopup":`dialog`,onClick:()=>c(!0),children:(0,F.jsx)(f,{id:`console.publicReport.photoOpen`,defaultMessage:`Groot bekijken<hidden> ({photo})</hidden>`,description:`Button: show a report's photo at its own size (which, for screen readers)`,values:{photo:t,hidden:e=>(0,F.jsx)(`span`,{className:`loket-visually-hidden`,children:e})}})}),s&&a&&(0,F.jsx)(fe,{src:a,alt:t,onClose:()=>{c(!1),l.current?.focus()}})]})}function me({reference:e,version:n}){let r=b(),{session:i}=t(),a=(0,P.useMemo)(()=>({requestPolicy:`cache-and-network`,version:n}),[n]),[s]=o({query:de,variables:{reference:e},context:a}),c=s.data?.case.photos??[];return c.length===0?null:(0,F.jsxs)(F.Fragment,{children:[(0,F.jsx)(u,{children:(0,F.jsx)(f,{id:`console.publicReport.photos`,defaultMessage:`Foto's`,description:`Heading of the photos sent with a report`})}),(0,F.jsx)(`ul`,{className:`loket-report-photos`,children:c.map((t,n)=>(0,F.jsx)(pe,{url:t.url,createdAt:t.createdAt,token:i?.token??null,alt:r.formatMessage({id:`console.publicReport.photoAlt`,defaultMessage:`Foto {number} bij melding {reference}`,description:`Text of a report's photo for screen readers`},{number:n+1,reference:e})},t.id))})]})}var Q=s(`
  query StaffReportAnswers($reference: String!) {
    case(reference: $reference) {
      id
      attributes {
        code
        question
        value
      }
    }
  }
`),he=s(`
  query StaffReportReporters($reference: String!) {
    case(reference: $reference) {
      id
      reporters {
        id
        loggedIn
        name
        email
        phone
        joinedAt
        satisfied
        detailsRemoved
      }
    }
  }
`);function ge({reference:t,version:n,position:r,address:i}){let a=b(),s=(0,P.useId)(),c=e=>a.formatNumber(e,{minimumFractionDigits:5,maximumFractionDigits:5}),l=(0,P.useMemo)(()=>({requestPolicy:`cache-and-network`,version:n}),[n]),[d]=o({query:Q,variables:{reference:t},context:l}),[p]=o({query:he,variables:{reference:t},context:l}),m=d.data?.case.attributes??[],h=p.data?.case.reporters;return(0,F.jsxs)(`section`,{"aria-labelledby":s,className:`loket-report-details`,children:[(0,F.jsx)(e,{id:s,children:(0,F.jsx)(f,{id:`console.publicReport.title`,defaultMessage:`Melding`,description:`Heading of a report's place, answers and reporters on the case page`})}),(0,F.jsxs)(`dl`,{className:`loket-facts`,children:[(0,F.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,F.jsx)(`dt`,{children:(0,F.jsx)(f,{id:`console.publicReport.position`,defaultMessage:`Plek`,description:`Label of a report's position`})}),(0,F.jsx)(`dd`,{className:`loket-report-details__position`,children:y([i,a.formatMessage({id:`console.publicReport.coordinates`,defaultMessage:`{lat} N, {lon} O`,description:`A position in degrees latitude (north) and longitude (east)`},{lat:c(r.lat),lon:c(r.lon)})])})]}),m.map(e=>(0,F.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,F.jsx)(`dt`,{lang:`nl`,children:e.question}),(0,F.jsx)(`dd`,{children:e.value})]},e.code))]}),(0,F.jsx)(me,{reference:t,version:n}),h&&(0,F.jsxs)(F.Fragment,{children:[(0,F.jsx)(u,{children:(0,F.jsx)(f,{id:`console.publicReport.reporters`,defaultMessage:`Melders`,description:`Heading of the people who reported or follow a report`})}),(0,F.jsx)(N,{caption:(0,F.jsx)(f,{id:`console.publicReport.reportersCaption`,defaultMessage:`Wie dit meldden of volgen, en hoe ze te bereiken zijn`,description:`Caption of the table of reporters`}),columns:[(0,F.jsx)(f,{id:`console.publicReport.name`,defaultMessage:`Naam`,description:`Column: reporter's name`},`name`),(0,F.jsx)(f,{id:`console.publicReport.reach`,defaultMessage:`Bereikbaar via`,description:`Column: reporter's e-mail address and mobile number`},`reach`),(0,F.jsx)(f,{id:`console.publicReport.joinedAt`,defaultMessage:`Gemeld op`,description:`Column: when they reported or followed it`},`joined`),(0,F.jsx)(f,{id:`console.publicReport.satisfied`,defaultMessage:`Tevreden`,description:`Column: the reporter's answer to the satisfaction question`},`satisfied`)],children:h.map(e=>(0,F.jsxs)(`tr`,{className:`utrecht-table__row`,children:[(0,F.jsx)(`td`,{className:`utrecht-table__cell`,children:e.detailsRemoved?(0,F.jsx)(f,{id:`console.publicReport.removed`,defaultMessage:`Gegevens verwijderd`,description:`A reporter's details were removed after the report ended`}):e.name??(e.loggedIn?(0,F.jsx)(f,{id:`console.publicReport.loggedIn`,defaultMessage:`Ingelogde inwoner`,description:`A reporter who logged in and gave no name`}):(0,F.jsx)(f,{id:`console.publicReport.anonymous`,defaultMessage:`Geen naam gegeven`,description:`A reporter who gave no name`}))}),(0,F.jsx)(`td`,{className:`utrecht-table__cell`,children:y([e.email,e.phone])}),(0,F.jsx)(`td`,{className:`utrecht-table__cell`,children:(0,F.jsx)(E,{value:e.joinedAt,kind:`datetime`})}),(0,F.jsx)(`td`,{className:`utrecht-table__cell`,children:e.satisfied===!0?(0,F.jsx)(f,{id:`console.publicReport.yes`,defaultMessage:`Ja`,description:`The reporter is satisfied`}):e.satisfied===!1?(0,F.jsx)(f,{id:`console.publicReport.no`,defaultMessage:`Nee`,description:`The reporter is not satisfied`}):(0,F.jsx)(f,{id:`console.publicReport.unanswered`,defaultMessage:`Geen antwoord`,description:`The reporter did not answer the satisfaction question`})})]},e.id))})]})]})}var $=s(`
  query StaffCase($reference: String!) {
    me {
      subject
    }
    case(reference: $reference) {
      id
      reference
      version
      location
      description
      position {
        lat
        lon
      }
      channel
      submittedAt
      deadline
      overdue
      suspendedDays
      extendedDays
      handler
      caseType {
        name
        department
        suspensionMaxDays
        extensionMaxDays
        statuses {
          code
          name
          end
          next
        }
        outcomes {
          code
          name
        }
      }
      status {
        code
        name
        end
      }
      decision {
        name
        ...CaseDecision_Decision
      }
      journal {
        kind
        status
        days
        publicText
        internalText
        actor
        at
      }
      permissions {
        update
        decide
        addNote
        assign
      }
      ...CaseProgress_Case
    }
  }
`),_e=s(`
  subscription StaffCaseUpdated($caseId: ID!) {
    caseUpdated(caseId: $caseId) {
      kind
      case {
        id
        version
      }
    }
  }
`);function ve(){let e=b(),t=r(),{reference:n=``}=ee(),{data:a,reexecute:o}=D({query:$,variables:{reference:n}}),[s,u]=(0,P.useState)(!1),[d,p]=(0,P.useState)(null),m=a?.case,g=m?.id,_=m?.version;l({query:_e,variables:{caseId:g??``},pause:!g},(e,t)=>(_!==void 0&&t.caseUpdated.case.version>_&&u(!0),t));let v=()=>{u(!1),p(null),o({requestPolicy:`network-only`})};return!m||!a?(0,F.jsx)(h,{}):(0,F.jsxs)(F.Fragment,{children:[(0,F.jsx)(c,{children:[m.caseType.name,m.reference].join(` `)}),s&&(0,F.jsxs)(w,{type:`warning`,role:`status`,children:[(0,F.jsx)(i,{children:(0,F.jsx)(f,{id:`console.case.changedElsewhere`,defaultMessage:`Een collega heeft deze zaak zojuist gewijzigd.`,description:`Shown when the open case changes elsewhere`})}),(0,F.jsx)(S,{type:`button`,appearance:`secondary-action-button`,onClick:v,children:(0,F.jsx)(M,{name:`reload`})})]}),(0,F.jsx)(le,{reference:m.reference}),(0,F.jsxs)(`dl`,{className:`loket-facts`,children:[(0,F.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,F.jsx)(`dt`,{children:(0,F.jsx)(M,{name:`department`})}),(0,F.jsx)(`dd`,{children:m.caseType.department})]}),(0,F.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,F.jsx)(`dt`,{children:(0,F.jsx)(M,{name:`status`})}),(0,F.jsx)(`dd`,{className:`loket-case-status`,children:m.status?.name})]}),(0,F.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,F.jsx)(`dt`,{children:(0,F.jsx)(M,{name:`deadline`})}),(0,F.jsxs)(`dd`,{children:[(0,F.jsx)(E,{value:m.deadline}),m.overdue&&(0,F.jsx)(ne,{})]})]}),(0,F.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,F.jsx)(`dt`,{children:(0,F.jsx)(M,{name:`handler`})}),(0,F.jsx)(`dd`,{className:`loket-case-handler`,children:m.handler??(0,F.jsx)(M,{name:`nobody`})})]}),(0,F.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,F.jsx)(`dt`,{children:(0,F.jsx)(f,{id:`case.submitted`,defaultMessage:`Aangevraagd op`,description:`Label of the day a case came in`})}),(0,F.jsx)(`dd`,{children:(0,F.jsx)(E,{value:m.submittedAt})})]}),m.location&&(0,F.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,F.jsx)(`dt`,{children:(0,F.jsx)(M,{name:`location`})}),(0,F.jsx)(`dd`,{children:m.location})]}),m.description&&(0,F.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,F.jsx)(`dt`,{children:(0,F.jsx)(f,{id:`console.case.description`,defaultMessage:`Omschrijving van de inwoner`,description:`Label of what the resident wrote`})}),(0,F.jsx)(`dd`,{children:m.description})]})]}),m.position&&(0,F.jsx)(ge,{reference:m.reference,version:m.version,position:m.position,address:m.location}),m.decision&&(0,F.jsx)(T,{decision:m.decision}),(0,F.jsx)(K,{case:m,me:a.me.subject,onConflict:()=>{m&&t.query($,{reference:n},{requestPolicy:`network-only`}).toPromise().then(e=>p({before:m,now:e.data?.case??null}))},onChanged:v}),(0,F.jsxs)(`details`,{className:`loket-details`,children:[(0,F.jsx)(`summary`,{children:(0,F.jsx)(f,{id:`console.resident.steps`,defaultMessage:`Stappen bekijken`,description:`Opens the status steps of a case`})}),(0,F.jsx)(te,{case:m,"aria-label":e.formatMessage({id:`console.case.steps`,defaultMessage:`Stappen van zaak {reference}`,description:`Accessible name of the status steps in the console`},{reference:m.reference})})]}),m.journal&&(0,F.jsx)(oe,{entries:m.journal}),d&&(0,F.jsx)(se,{conflict:d,onReload:v,onClose:()=>p(null)})]})}export{ve as StaffCasePage};
import{B as e,C as t,F as n,H as r,I as i,L as a,M as o,P as s,R as c,V as l,at as u,b as d,ct as f,d as p,et as m,gt as h,ht as g,l as _,m as v,ot as y,pt as b,st as x,tt as S,w as C,z as w}from"./index-JCgePl-Z.js";import{t as T}from"./CaseDecision-C-uAA49t.js";import{t as ee}from"./CaseProgress-CH_O6ls0.js";import{t as E}from"./DateText-Dng6j3Rb.js";import{t as D}from"./usePageQuery-CUWA1Gae.js";import{t as O}from"./ActionError-DOmBo9dS.js";import{n as k,r as A,t as j}from"./FormFields-BCnCWbWs.js";import{n as M,t as N}from"./labels-C8XEmDU-.js";var P=h(g(),1);function F(e,{onConflict:t,onChanged:n}){let[r,a]=i(e),[o,s]=(0,P.useState)(void 0);return{busy:r.fetching,error:o,run:(e,r)=>{a(e).then(e=>{if(e.error){let n=C(e.error);s(n instanceof d?void 0:e.error),n instanceof d&&t()}else s(void 0),r(),n()})}}}var I=x(),L=o(`
  mutation ConsoleSetStatus($input: SetCaseStatusInput!) {
    setCaseStatus(input: $input) {
      case {
        id
        version
      }
    }
  }
`),R=o(`
  mutation ConsoleDecide($input: DecideCaseInput!) {
    decideCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`),z=o(`
  mutation ConsoleSuspend($input: MoveDeadlineInput!) {
    suspendCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`),B=o(`
  mutation ConsoleExtend($input: MoveDeadlineInput!) {
    extendCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`),V=o(`
  mutation ConsoleAddNote($input: AddCaseNoteInput!) {
    addCaseNote(input: $input) {
      case {
        id
        version
      }
    }
  }
`),H=o(`
  mutation ConsoleAssign($input: AssignCaseInput!) {
    assignCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`);function U({case:t,me:n,...r}){let i=(0,P.useId)(),a=!t.status?.end,{update:o,decide:s,addNote:c,assign:l}=t.permissions;return!(a&&(o||s||l))&&!c?null:(0,I.jsxs)(`section`,{"aria-labelledby":i,className:`loket-case-actions`,children:[(0,I.jsx)(e,{id:i,children:(0,I.jsx)(u,{id:`console.actions.title`,defaultMessage:`Behandelen`,description:`Heading of a case's actions`})}),a&&l&&(0,I.jsx)(Y,{c:t,me:n,...r}),a&&o&&(0,I.jsx)(G,{c:t,...r}),a&&s&&(0,I.jsx)(K,{c:t,...r}),a&&o&&(0,I.jsx)(q,{c:t,...r}),c&&(0,I.jsx)(J,{c:t,...r})]})}function W({title:e,onSubmit:t,children:n}){let r=(0,P.useId)();return(0,I.jsxs)(`form`,{className:`loket-form loket-panel`,"aria-labelledby":r,noValidate:!0,onSubmit:e=>{e.preventDefault(),t()},children:[(0,I.jsx)(l,{id:r,children:e}),n]})}function G({c:e,...n}){let r=y(),i=F(L,n),a=e.caseType.statuses.find(t=>t.code===e.status?.code),o=e.caseType.statuses.filter(e=>!e.end&&a?.next.includes(e.code)).map(e=>({value:e.code,label:e.name})),[s,c]=(0,P.useState)(``),[l,d]=(0,P.useState)(``),[f,p]=(0,P.useState)(``),m=t(i.error),h=s||o[0]?.value||``;return o.length===0?null:(0,I.jsxs)(W,{title:(0,I.jsx)(u,{id:`console.actions.status`,defaultMessage:`Status wijzigen`,description:`Heading of the status form`}),onSubmit:()=>i.run({input:{caseId:e.id,status:h,expectedVersion:e.version,publicExplanation:l.trim()||null,internalRemark:f.trim()||null}},()=>{c(``),d(``),p(``)}),children:[(0,I.jsx)(O,{error:i.error}),(0,I.jsx)(j,{label:(0,I.jsx)(u,{id:`console.actions.newStatus`,defaultMessage:`Nieuwe status`,description:`Label`}),name:`status`,value:h,onChange:c,options:o,error:m.get(`status`)}),(0,I.jsx)(k,{label:r.formatMessage({id:`console.actions.public`,defaultMessage:`Uitleg voor de inwoner`,description:`Label of the public explanation`}),name:`publicExplanation`,value:l,onChange:d,error:m.get(`publicExplanation`)}),(0,I.jsx)(k,{label:r.formatMessage({id:`console.actions.internal`,defaultMessage:`Interne opmerking`,description:`Label of the internal remark`}),name:`internalRemark`,value:f,onChange:p,error:m.get(`internalRemark`)}),(0,I.jsx)(S,{type:`submit`,appearance:`primary-action-button`,busy:i.busy,children:(0,I.jsx)(u,{id:`console.actions.status.submit`,defaultMessage:`Status wijzigen`,description:`Button`})})]})}function K({c:e,...n}){let r=F(R,n),i=e.caseType.outcomes.map(e=>({value:e.code,label:e.name})),[a,o]=(0,P.useState)(``),[s,c]=(0,P.useState)(``),l=t(r.error),d=a||i[0]?.value||``;return(0,I.jsxs)(W,{title:(0,I.jsx)(u,{id:`console.actions.decide`,defaultMessage:`Besluiten`,description:`Heading of the decide form`}),onSubmit:()=>r.run({input:{caseId:e.id,outcome:d,explanation:s,expectedVersion:e.version}},()=>c(``)),children:[(0,I.jsx)(O,{error:r.error}),(0,I.jsx)(j,{label:(0,I.jsx)(u,{id:`console.actions.outcome`,defaultMessage:`Uitkomst`,description:`Label`}),name:`outcome`,value:d,onChange:o,options:i,error:l.get(`outcome`)}),(0,I.jsx)(k,{label:(0,I.jsx)(u,{id:`console.actions.explanation`,defaultMessage:`Motivering voor de inwoner`,description:`Label of a decision's explanation`}),name:`explanation`,value:s,onChange:c,error:l.get(`explanation`)}),(0,I.jsx)(S,{type:`submit`,appearance:`primary-action-button`,busy:r.busy,children:(0,I.jsx)(u,{id:`console.actions.decide.submit`,defaultMessage:`Besluit nemen`,description:`Button`})})]})}function q({c:e,...n}){let r=y(),i=F(z,n),a=F(B,n),o=[e.caseType.suspensionMaxDays>0&&{value:`suspend`,label:r.formatMessage({id:`console.actions.suspend`,defaultMessage:`Opschorten`,description:`Deadline action`})},e.caseType.extensionMaxDays>0&&{value:`extend`,label:r.formatMessage({id:`console.actions.extend`,defaultMessage:`Verlengen`,description:`Deadline action`})}].filter(e=>!!e),[s,c]=(0,P.useState)(``),[l,d]=(0,P.useState)(``),[f,p]=(0,P.useState)(``),m=s||o[0]?.value||``,h=m===`extend`?a:i,g=t(h.error);return o.length===0?null:(0,I.jsxs)(W,{title:(0,I.jsx)(u,{id:`console.actions.deadline`,defaultMessage:`Termijn opschorten of verlengen`,description:`Heading of the deadline form`}),onSubmit:()=>h.run({input:{caseId:e.id,days:Number.parseInt(l,10)||0,reason:f,expectedVersion:e.version}},()=>{d(``),p(``)}),children:[(0,I.jsx)(O,{error:h.error}),(0,I.jsx)(j,{label:(0,I.jsx)(u,{id:`console.actions.deadlineKind`,defaultMessage:`Wat`,description:`Label: suspend or extend`}),name:`kind`,value:m,onChange:c,options:o}),(0,I.jsx)(A,{label:(0,I.jsx)(u,{id:`console.actions.days`,defaultMessage:`Aantal dagen`,description:`Label`}),name:`days`,inputMode:`numeric`,value:l,onChange:d,error:g.get(`days`)}),(0,I.jsx)(k,{label:(0,I.jsx)(u,{id:`console.actions.reason`,defaultMessage:`Reden`,description:`Label`}),name:`reason`,value:f,onChange:p,error:g.get(`reason`)}),(0,I.jsx)(S,{type:`submit`,appearance:`secondary-action-button`,busy:h.busy,children:(0,I.jsx)(u,{id:`console.actions.deadline.submit`,defaultMessage:`Termijn aanpassen`,description:`Button`})})]})}function J({c:e,...n}){let r=F(V,n),[i,a]=(0,P.useState)(``),o=t(r.error);return(0,I.jsxs)(W,{title:(0,I.jsx)(u,{id:`console.actions.note`,defaultMessage:`Notitie toevoegen`,description:`Heading of the note form`}),onSubmit:()=>r.run({input:{caseId:e.id,text:i}},()=>a(``)),children:[(0,I.jsx)(O,{error:r.error}),(0,I.jsx)(k,{label:(0,I.jsx)(u,{id:`console.actions.noteText`,defaultMessage:`Notitie (alleen voor collega’s)`,description:`Label of an internal note`}),name:`text`,value:i,onChange:a,error:o.get(`text`)}),(0,I.jsx)(S,{type:`submit`,appearance:`secondary-action-button`,busy:r.busy,children:(0,I.jsx)(u,{id:`console.actions.note.submit`,defaultMessage:`Notitie opslaan`,description:`Button`})})]})}function Y({c:e,me:n,...r}){let i=F(H,r),[a,o]=(0,P.useState)(``),s=t(i.error),c=t=>i.run({input:{caseId:e.id,handler:t,expectedVersion:e.version}},()=>o(``));return(0,I.jsxs)(W,{title:(0,I.jsx)(u,{id:`console.actions.assign`,defaultMessage:`Toewijzen`,description:`Heading of the assign form`}),onSubmit:()=>c(a.trim()||null),children:[(0,I.jsx)(O,{error:i.error}),(0,I.jsxs)(m,{children:[e.handler!==n&&(0,I.jsx)(S,{type:`button`,appearance:`secondary-action-button`,busy:i.busy,onClick:()=>c(n),children:(0,I.jsx)(u,{id:`console.actions.take`,defaultMessage:`Zelf oppakken`,description:`Button: assign the case to me`})}),e.handler&&(0,I.jsx)(S,{type:`button`,appearance:`subtle-button`,busy:i.busy,onClick:()=>c(null),children:(0,I.jsx)(u,{id:`console.actions.release`,defaultMessage:`Vrijgeven`,description:`Button: release the case`})})]}),(0,I.jsx)(A,{label:(0,I.jsx)(u,{id:`console.actions.handler`,defaultMessage:`Of toewijzen aan (medewerker-id)`,description:`Label`}),name:`handler`,value:a,onChange:o,error:s.get(`handler`)}),(0,I.jsx)(S,{type:`submit`,appearance:`secondary-action-button`,busy:i.busy,children:(0,I.jsx)(u,{id:`console.actions.assign.submit`,defaultMessage:`Toewijzen`,description:`Button`})})]})}var X=f({status:{id:`console.journal.status`,defaultMessage:`Status gewijzigd`,description:`Journal entry kind`},note:{id:`console.journal.note`,defaultMessage:`Notitie`,description:`Journal entry kind`},assigned:{id:`console.journal.assigned`,defaultMessage:`Toegewezen`,description:`Journal entry kind`},suspended:{id:`console.journal.suspended`,defaultMessage:`Opgeschort`,description:`Journal entry kind`},extended:{id:`console.journal.extended`,defaultMessage:`Verlengd`,description:`Journal entry kind`},decided:{id:`console.journal.decided`,defaultMessage:`Besloten`,description:`Journal entry kind`}});function Z(){let e=y();return t=>t in X?e.formatMessage(X[t]):t}function Q({entries:t}){let n=(0,P.useId)(),r=Z();return(0,I.jsxs)(`section`,{"aria-labelledby":n,children:[(0,I.jsx)(e,{id:n,children:(0,I.jsx)(u,{id:`console.journal.title`,defaultMessage:`Journaal`,description:`Heading of the case journal`})}),(0,I.jsx)(`ol`,{className:`loket-journal`,children:[...t].reverse().map((e,t)=>(0,I.jsxs)(`li`,{className:`loket-journal__entry`,children:[(0,I.jsxs)(`p`,{className:`loket-journal__meta`,children:[(0,I.jsx)(E,{value:e.at,kind:`datetime`}),_,p([r(e.kind),e.status]),e.days!==null&&e.days!==void 0&&(0,I.jsxs)(I.Fragment,{children:[` · `,(0,I.jsx)(u,{id:`console.journal.days`,defaultMessage:`{days, plural, one {# dag} other {# dagen}}`,description:`Days suspended or extended`,values:{days:e.days}})]}),_,e.actor]}),e.publicText&&(0,I.jsxs)(`p`,{className:`loket-journal__public`,children:[(0,I.jsx)(`strong`,{children:(0,I.jsx)(u,{id:`console.journal.public`,defaultMessage:`Voor de inwoner:`,description:`Label of text the resident sees`})}),` `,e.publicText]}),e.internalText&&(0,I.jsxs)(`p`,{className:`loket-journal__internal`,children:[(0,I.jsx)(`strong`,{children:(0,I.jsx)(u,{id:`console.journal.internal`,defaultMessage:`Intern:`,description:`Label of text for colleagues only`})}),` `,e.internalText]})]},`${e.at}-${t}`))})]})}function te({conflict:t,onReload:n,onClose:i}){let a=(0,P.useRef)(null),o=(0,P.useId)(),s=Z();(0,P.useEffect)(()=>{let e=a.current;return e&&!e.open&&e.showModal(),()=>e?.close()},[]);let{before:c,now:l}=t,d=l?.journal?.slice(c.journal?.length??0)??[];return(0,I.jsxs)(`dialog`,{ref:a,className:`loket-dialog`,"aria-labelledby":o,onClose:i,children:[(0,I.jsx)(e,{id:o,children:(0,I.jsx)(u,{id:`console.conflict.title`,defaultMessage:`Deze zaak is intussen gewijzigd`,description:`Title of the conflict dialog`})}),(0,I.jsx)(r,{children:(0,I.jsx)(u,{id:`console.conflict.lead`,defaultMessage:`Een collega heeft de zaak gewijzigd nadat u hem opende. Uw wijziging is niet opgeslagen; wat u invulde staat er nog.`,description:`Explains the conflict`})}),l&&(0,I.jsxs)(`ul`,{className:`loket-conflict__changes`,children:[l.status?.name!==c.status?.name&&(0,I.jsx)(`li`,{children:(0,I.jsx)(u,{id:`console.conflict.status`,defaultMessage:`Status: {before} → {now}`,description:`A changed status`,values:{before:c.status?.name??`–`,now:l.status?.name??`–`}})}),l.handler!==c.handler&&(0,I.jsx)(`li`,{children:(0,I.jsx)(u,{id:`console.conflict.handler`,defaultMessage:`Behandelaar: {before} → {now}`,description:`A changed handler`,values:{before:c.handler??`–`,now:l.handler??`–`}})}),l.deadline!==c.deadline&&(0,I.jsx)(`li`,{children:(0,I.jsx)(u,{id:`console.conflict.deadline`,defaultMessage:`Termijn: {before} → {now}`,description:`A changed deadline`,values:{before:(0,I.jsx)(E,{value:c.deadline}),now:(0,I.jsx)(E,{value:l.deadline})}})}),l.decision&&!c.decision&&(0,I.jsx)(`li`,{children:(0,I.jsx)(u,{id:`console.conflict.decided`,defaultMessage:`Besloten: {outcome}`,description:`The case was decided meanwhile`,values:{outcome:l.decision.name}})}),d.map((e,t)=>(0,I.jsxs)(`li`,{children:[(0,I.jsx)(E,{value:e.at,kind:`datetime`}),` · `,p([s(e.kind),e.actor,e.status])]},`${e.at}-${t}`))]}),(0,I.jsxs)(m,{children:[(0,I.jsx)(S,{type:`button`,appearance:`primary-action-button`,onClick:n,children:(0,I.jsx)(N,{name:`reload`})}),(0,I.jsx)(S,{type:`button`,appearance:`secondary-action-button`,onClick:i,children:(0,I.jsx)(N,{name:`close`})})]})]})}var ne=o(`
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
`);function re({reference:t}){let n=(0,P.useId)(),[{data:i}]=a({query:ne,variables:{reference:t},requestPolicy:`cache-and-network`}),o=i?.case.integralView;return o?.conflict?(0,I.jsxs)(w,{type:`warning`,className:`loket-integral`,"aria-labelledby":n,children:[(0,I.jsx)(e,{id:n,children:(0,I.jsx)(u,{id:`console.case.integral`,defaultMessage:`Besluiten op dit adres spreken elkaar tegen`,description:`Heading of the integral view's conflict warning`})}),(0,I.jsx)(r,{children:(0,I.jsx)(u,{id:`console.case.integral.call`,defaultMessage:`Overleg met: {departments}.`,description:`The departments to call about the conflicting decisions`,values:{departments:o.conflictingDepartments.join(`, `)}})}),(0,I.jsx)(`ul`,{children:o.cases.map(e=>(0,I.jsx)(`li`,{children:p([e.caseType,e.reference,e.department,e.status])},e.reference))})]}):null}var $=o(`
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
`),ie=o(`
  subscription StaffCaseUpdated($caseId: ID!) {
    caseUpdated(caseId: $caseId) {
      kind
      case {
        id
        version
      }
    }
  }
`);function ae(){let e=y(),t=n(),{reference:i=``}=b(),{data:a,reexecute:o}=D({query:$,variables:{reference:i}}),[l,d]=(0,P.useState)(!1),[f,p]=(0,P.useState)(null),m=a?.case,h=m?.id,g=m?.version;c({query:ie,variables:{caseId:h??``},pause:!h},(e,t)=>(g!==void 0&&t.caseUpdated.case.version>g&&d(!0),t));let _=()=>{d(!1),p(null),o({requestPolicy:`network-only`})};return!m||!a?(0,I.jsx)(v,{}):(0,I.jsxs)(I.Fragment,{children:[(0,I.jsx)(s,{children:[m.caseType.name,m.reference].join(` `)}),l&&(0,I.jsxs)(w,{type:`warning`,role:`status`,children:[(0,I.jsx)(r,{children:(0,I.jsx)(u,{id:`console.case.changedElsewhere`,defaultMessage:`Een collega heeft deze zaak zojuist gewijzigd.`,description:`Shown when the open case changes elsewhere`})}),(0,I.jsx)(S,{type:`button`,appearance:`secondary-action-button`,onClick:_,children:(0,I.jsx)(N,{name:`reload`})})]}),(0,I.jsx)(re,{reference:m.reference}),(0,I.jsxs)(`dl`,{className:`loket-facts`,children:[(0,I.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,I.jsx)(`dt`,{children:(0,I.jsx)(N,{name:`department`})}),(0,I.jsx)(`dd`,{children:m.caseType.department})]}),(0,I.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,I.jsx)(`dt`,{children:(0,I.jsx)(N,{name:`status`})}),(0,I.jsx)(`dd`,{className:`loket-case-status`,children:m.status?.name})]}),(0,I.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,I.jsx)(`dt`,{children:(0,I.jsx)(N,{name:`deadline`})}),(0,I.jsxs)(`dd`,{children:[(0,I.jsx)(E,{value:m.deadline}),m.overdue&&(0,I.jsx)(M,{})]})]}),(0,I.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,I.jsx)(`dt`,{children:(0,I.jsx)(N,{name:`handler`})}),(0,I.jsx)(`dd`,{className:`loket-case-handler`,children:m.handler??(0,I.jsx)(N,{name:`nobody`})})]}),(0,I.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,I.jsx)(`dt`,{children:(0,I.jsx)(u,{id:`case.submitted`,defaultMessage:`Aangevraagd op`,description:`Label of the day a case came in`})}),(0,I.jsx)(`dd`,{children:(0,I.jsx)(E,{value:m.submittedAt})})]}),m.location&&(0,I.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,I.jsx)(`dt`,{children:(0,I.jsx)(N,{name:`location`})}),(0,I.jsx)(`dd`,{children:m.location})]}),m.description&&(0,I.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,I.jsx)(`dt`,{children:(0,I.jsx)(u,{id:`console.case.description`,defaultMessage:`Omschrijving van de inwoner`,description:`Label of what the resident wrote`})}),(0,I.jsx)(`dd`,{children:m.description})]})]}),m.decision&&(0,I.jsx)(T,{decision:m.decision}),(0,I.jsx)(U,{case:m,me:a.me.subject,onConflict:()=>{m&&t.query($,{reference:i},{requestPolicy:`network-only`}).toPromise().then(e=>p({before:m,now:e.data?.case??null}))},onChanged:_}),(0,I.jsxs)(`details`,{className:`loket-details`,children:[(0,I.jsx)(`summary`,{children:(0,I.jsx)(u,{id:`console.resident.steps`,defaultMessage:`Stappen bekijken`,description:`Opens the status steps of a case`})}),(0,I.jsx)(ee,{case:m,"aria-label":e.formatMessage({id:`console.case.steps`,defaultMessage:`Stappen van zaak {reference}`,description:`Accessible name of the status steps in the console`},{reference:m.reference})})]}),m.journal&&(0,I.jsx)(Q,{entries:m.journal}),f&&(0,I.jsx)(te,{conflict:f,onReload:_,onClose:()=>p(null)})]})}export{ae as StaffCasePage};
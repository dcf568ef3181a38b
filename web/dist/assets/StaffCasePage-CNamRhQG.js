import{B as e,D as t,F as n,H as r,I as i,L as a,M as o,P as s,R as c,V as l,_ as u,at as d,b as f,ct as p,d as m,et as h,gt as g,ht as _,k as v,ot as y,pt as b,st as x,tt as S,x as C,z as w}from"./index-BecHQAow.js";import{t as T}from"./CaseDecision-CEXJgByD.js";import{t as E}from"./CaseProgress-DNoLVf3X.js";import{t as D}from"./DateText-C9K8jATv.js";import{t as ee}from"./usePageQuery-B80kpKgM.js";import{t as O}from"./ActionError-CsQhL3wi.js";import{n as k,r as A,t as j}from"./FormFields-CYkndxrW.js";import{n as M,t as N}from"./labels-Btg_4Ci9.js";var P=g(_(),1);function F(e,{onConflict:t,onChanged:n}){let[r,a]=i(e),[o,s]=(0,P.useState)(void 0);return{busy:r.fetching,error:o,run:(e,r)=>{a(e).then(e=>{if(e.error){let n=C(e.error);s(n instanceof u?void 0:e.error),n instanceof u&&t()}else s(void 0),r(),n()})}}}var I=x(),L=o(`
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
`);function U({case:t,me:n,...r}){let i=(0,P.useId)(),a=!t.status?.end,{update:o,decide:s,addNote:c,assign:l}=t.permissions;return!(a&&(o||s||l))&&!c?null:(0,I.jsxs)(`section`,{"aria-labelledby":i,className:`loket-case-actions`,children:[(0,I.jsx)(e,{id:i,children:(0,I.jsx)(d,{id:`console.actions.title`,defaultMessage:`Behandelen`,description:`Heading of a case's actions`})}),a&&l&&(0,I.jsx)(Y,{c:t,me:n,...r}),a&&o&&(0,I.jsx)(G,{c:t,...r}),a&&s&&(0,I.jsx)(K,{c:t,...r}),a&&o&&(0,I.jsx)(q,{c:t,...r}),c&&(0,I.jsx)(J,{c:t,...r})]})}function W({title:e,onSubmit:t,children:n}){let r=(0,P.useId)();return(0,I.jsxs)(`form`,{className:`loket-form loket-panel`,"aria-labelledby":r,noValidate:!0,onSubmit:e=>{e.preventDefault(),t()},children:[(0,I.jsx)(l,{id:r,children:e}),n]})}function G({c:e,...t}){let n=y(),r=F(L,t),i=e.caseType.statuses.find(t=>t.code===e.status?.code),a=e.caseType.statuses.filter(e=>!e.end&&i?.next.includes(e.code)).map(e=>({value:e.code,label:e.name})),[o,s]=(0,P.useState)(``),[c,l]=(0,P.useState)(``),[u,p]=(0,P.useState)(``),m=f(r.error),h=o||a[0]?.value||``;return a.length===0?null:(0,I.jsxs)(W,{title:(0,I.jsx)(d,{id:`console.actions.status`,defaultMessage:`Status wijzigen`,description:`Heading of the status form`}),onSubmit:()=>r.run({input:{caseId:e.id,status:h,expectedVersion:e.version,publicExplanation:c.trim()||null,internalRemark:u.trim()||null}},()=>{s(``),l(``),p(``)}),children:[(0,I.jsx)(O,{error:r.error}),(0,I.jsx)(j,{label:(0,I.jsx)(d,{id:`console.actions.newStatus`,defaultMessage:`Nieuwe status`,description:`Label`}),name:`status`,value:h,onChange:s,options:a,error:m.get(`status`)}),(0,I.jsx)(k,{label:n.formatMessage({id:`console.actions.public`,defaultMessage:`Uitleg voor de inwoner`,description:`Label of the public explanation`}),name:`publicExplanation`,value:c,onChange:l,error:m.get(`publicExplanation`)}),(0,I.jsx)(k,{label:n.formatMessage({id:`console.actions.internal`,defaultMessage:`Interne opmerking`,description:`Label of the internal remark`}),name:`internalRemark`,value:u,onChange:p,error:m.get(`internalRemark`)}),(0,I.jsx)(S,{type:`submit`,appearance:`primary-action-button`,busy:r.busy,children:(0,I.jsx)(d,{id:`console.actions.status.submit`,defaultMessage:`Status wijzigen`,description:`Button`})})]})}function K({c:e,...t}){let n=F(R,t),r=e.caseType.outcomes.map(e=>({value:e.code,label:e.name})),[i,a]=(0,P.useState)(``),[o,s]=(0,P.useState)(``),c=f(n.error),l=i||r[0]?.value||``;return(0,I.jsxs)(W,{title:(0,I.jsx)(d,{id:`console.actions.decide`,defaultMessage:`Besluiten`,description:`Heading of the decide form`}),onSubmit:()=>n.run({input:{caseId:e.id,outcome:l,explanation:o,expectedVersion:e.version}},()=>s(``)),children:[(0,I.jsx)(O,{error:n.error}),(0,I.jsx)(j,{label:(0,I.jsx)(d,{id:`console.actions.outcome`,defaultMessage:`Uitkomst`,description:`Label`}),name:`outcome`,value:l,onChange:a,options:r,error:c.get(`outcome`)}),(0,I.jsx)(k,{label:(0,I.jsx)(d,{id:`console.actions.explanation`,defaultMessage:`Motivering voor de inwoner`,description:`Label of a decision's explanation`}),name:`explanation`,value:o,onChange:s,error:c.get(`explanation`)}),(0,I.jsx)(S,{type:`submit`,appearance:`primary-action-button`,busy:n.busy,children:(0,I.jsx)(d,{id:`console.actions.decide.submit`,defaultMessage:`Besluit nemen`,description:`Button`})})]})}function q({c:e,...t}){let n=y(),r=F(z,t),i=F(B,t),a=[e.caseType.suspensionMaxDays>0&&{value:`suspend`,label:n.formatMessage({id:`console.actions.suspend`,defaultMessage:`Opschorten`,description:`Deadline action`})},e.caseType.extensionMaxDays>0&&{value:`extend`,label:n.formatMessage({id:`console.actions.extend`,defaultMessage:`Verlengen`,description:`Deadline action`})}].filter(e=>!!e),[o,s]=(0,P.useState)(``),[c,l]=(0,P.useState)(``),[u,p]=(0,P.useState)(``),m=o||a[0]?.value||``,h=m===`extend`?i:r,g=f(h.error);return a.length===0?null:(0,I.jsxs)(W,{title:(0,I.jsx)(d,{id:`console.actions.deadline`,defaultMessage:`Termijn opschorten of verlengen`,description:`Heading of the deadline form`}),onSubmit:()=>h.run({input:{caseId:e.id,days:Number.parseInt(c,10)||0,reason:u,expectedVersion:e.version}},()=>{l(``),p(``)}),children:[(0,I.jsx)(O,{error:h.error}),(0,I.jsx)(j,{label:(0,I.jsx)(d,{id:`console.actions.deadlineKind`,defaultMessage:`Wat`,description:`Label: suspend or extend`}),name:`kind`,value:m,onChange:s,options:a}),(0,I.jsx)(A,{label:(0,I.jsx)(d,{id:`console.actions.days`,defaultMessage:`Aantal dagen`,description:`Label`}),name:`days`,inputMode:`numeric`,value:c,onChange:l,error:g.get(`days`)}),(0,I.jsx)(k,{label:(0,I.jsx)(d,{id:`console.actions.reason`,defaultMessage:`Reden`,description:`Label`}),name:`reason`,value:u,onChange:p,error:g.get(`reason`)}),(0,I.jsx)(S,{type:`submit`,appearance:`secondary-action-button`,busy:h.busy,children:(0,I.jsx)(d,{id:`console.actions.deadline.submit`,defaultMessage:`Termijn aanpassen`,description:`Button`})})]})}function J({c:e,...t}){let n=F(V,t),[r,i]=(0,P.useState)(``),a=f(n.error);return(0,I.jsxs)(W,{title:(0,I.jsx)(d,{id:`console.actions.note`,defaultMessage:`Notitie toevoegen`,description:`Heading of the note form`}),onSubmit:()=>n.run({input:{caseId:e.id,text:r}},()=>i(``)),children:[(0,I.jsx)(O,{error:n.error}),(0,I.jsx)(k,{label:(0,I.jsx)(d,{id:`console.actions.noteText`,defaultMessage:`Notitie (alleen voor collega’s)`,description:`Label of an internal note`}),name:`text`,value:r,onChange:i,error:a.get(`text`)}),(0,I.jsx)(S,{type:`submit`,appearance:`secondary-action-button`,busy:n.busy,children:(0,I.jsx)(d,{id:`console.actions.note.submit`,defaultMessage:`Notitie opslaan`,description:`Button`})})]})}function Y({c:e,me:t,...n}){let r=F(H,n),[i,a]=(0,P.useState)(``),o=f(r.error),s=t=>r.run({input:{caseId:e.id,handler:t,expectedVersion:e.version}},()=>a(``));return(0,I.jsxs)(W,{title:(0,I.jsx)(d,{id:`console.actions.assign`,defaultMessage:`Toewijzen`,description:`Heading of the assign form`}),onSubmit:()=>s(i.trim()||null),children:[(0,I.jsx)(O,{error:r.error}),(0,I.jsxs)(h,{children:[e.handler!==t&&(0,I.jsx)(S,{type:`button`,appearance:`secondary-action-button`,busy:r.busy,onClick:()=>s(t),children:(0,I.jsx)(d,{id:`console.actions.take`,defaultMessage:`Zelf oppakken`,description:`Button: assign the case to me`})}),e.handler&&(0,I.jsx)(S,{type:`button`,appearance:`subtle-button`,busy:r.busy,onClick:()=>s(null),children:(0,I.jsx)(d,{id:`console.actions.release`,defaultMessage:`Vrijgeven`,description:`Button: release the case`})})]}),(0,I.jsx)(A,{label:(0,I.jsx)(d,{id:`console.actions.handler`,defaultMessage:`Of toewijzen aan (medewerker-id)`,description:`Label`}),name:`handler`,value:i,onChange:a,error:o.get(`handler`)}),(0,I.jsx)(S,{type:`submit`,appearance:`secondary-action-button`,busy:r.busy,children:(0,I.jsx)(d,{id:`console.actions.assign.submit`,defaultMessage:`Toewijzen`,description:`Button`})})]})}var X=p({status:{id:`console.journal.status`,defaultMessage:`Status gewijzigd`,description:`Journal entry kind`},note:{id:`console.journal.note`,defaultMessage:`Notitie`,description:`Journal entry kind`},assigned:{id:`console.journal.assigned`,defaultMessage:`Toegewezen`,description:`Journal entry kind`},suspended:{id:`console.journal.suspended`,defaultMessage:`Opgeschort`,description:`Journal entry kind`},extended:{id:`console.journal.extended`,defaultMessage:`Verlengd`,description:`Journal entry kind`},decided:{id:`console.journal.decided`,defaultMessage:`Besloten`,description:`Journal entry kind`}});function Z(){let e=y();return t=>t in X?e.formatMessage(X[t]):t}function Q({entries:n}){let r=(0,P.useId)(),i=Z();return(0,I.jsxs)(`section`,{"aria-labelledby":r,children:[(0,I.jsx)(e,{id:r,children:(0,I.jsx)(d,{id:`console.journal.title`,defaultMessage:`Journaal`,description:`Heading of the case journal`})}),(0,I.jsx)(`ol`,{className:`loket-journal`,children:[...n].reverse().map((e,n)=>(0,I.jsxs)(`li`,{className:`loket-journal__entry`,children:[(0,I.jsxs)(`p`,{className:`loket-journal__meta`,children:[(0,I.jsx)(D,{value:e.at,kind:`datetime`}),t,v([i(e.kind),e.status]),e.days!==null&&e.days!==void 0&&(0,I.jsxs)(I.Fragment,{children:[` · `,(0,I.jsx)(d,{id:`console.journal.days`,defaultMessage:`{days, plural, one {# dag} other {# dagen}}`,description:`Days suspended or extended`,values:{days:e.days}})]}),t,e.actor]}),e.publicText&&(0,I.jsxs)(`p`,{className:`loket-journal__public`,children:[(0,I.jsx)(`strong`,{children:(0,I.jsx)(d,{id:`console.journal.public`,defaultMessage:`Voor de inwoner:`,description:`Label of text the resident sees`})}),` `,e.publicText]}),e.internalText&&(0,I.jsxs)(`p`,{className:`loket-journal__internal`,children:[(0,I.jsx)(`strong`,{children:(0,I.jsx)(d,{id:`console.journal.internal`,defaultMessage:`Intern:`,description:`Label of text for colleagues only`})}),` `,e.internalText]})]},`${e.at}-${n}`))})]})}function te({conflict:t,onReload:n,onClose:i}){let a=(0,P.useRef)(null),o=(0,P.useId)(),s=Z();(0,P.useEffect)(()=>{let e=a.current;return e&&!e.open&&e.showModal(),()=>e?.close()},[]);let{before:c,now:l}=t,u=l?.journal?.slice(c.journal?.length??0)??[];return(0,I.jsxs)(`dialog`,{ref:a,className:`loket-dialog`,"aria-labelledby":o,onClose:i,children:[(0,I.jsx)(e,{id:o,children:(0,I.jsx)(d,{id:`console.conflict.title`,defaultMessage:`Deze zaak is intussen gewijzigd`,description:`Title of the conflict dialog`})}),(0,I.jsx)(r,{children:(0,I.jsx)(d,{id:`console.conflict.lead`,defaultMessage:`Een collega heeft de zaak gewijzigd nadat u hem opende. Uw wijziging is niet opgeslagen; wat u invulde staat er nog.`,description:`Explains the conflict`})}),l&&(0,I.jsxs)(`ul`,{className:`loket-conflict__changes`,children:[l.status?.name!==c.status?.name&&(0,I.jsx)(`li`,{children:(0,I.jsx)(d,{id:`console.conflict.status`,defaultMessage:`Status: {before} → {now}`,description:`A changed status`,values:{before:c.status?.name??`–`,now:l.status?.name??`–`}})}),l.handler!==c.handler&&(0,I.jsx)(`li`,{children:(0,I.jsx)(d,{id:`console.conflict.handler`,defaultMessage:`Behandelaar: {before} → {now}`,description:`A changed handler`,values:{before:c.handler??`–`,now:l.handler??`–`}})}),l.deadline!==c.deadline&&(0,I.jsx)(`li`,{children:(0,I.jsx)(d,{id:`console.conflict.deadline`,defaultMessage:`Termijn: {before} → {now}`,description:`A changed deadline`,values:{before:(0,I.jsx)(D,{value:c.deadline}),now:(0,I.jsx)(D,{value:l.deadline})}})}),l.decision&&!c.decision&&(0,I.jsx)(`li`,{children:(0,I.jsx)(d,{id:`console.conflict.decided`,defaultMessage:`Besloten: {outcome}`,description:`The case was decided meanwhile`,values:{outcome:l.decision.name}})}),u.map((e,t)=>(0,I.jsxs)(`li`,{children:[(0,I.jsx)(D,{value:e.at,kind:`datetime`}),` · `,v([s(e.kind),e.actor,e.status])]},`${e.at}-${t}`))]}),(0,I.jsxs)(h,{children:[(0,I.jsx)(S,{type:`button`,appearance:`primary-action-button`,onClick:n,children:(0,I.jsx)(N,{name:`reload`})}),(0,I.jsx)(S,{type:`button`,appearance:`secondary-action-button`,onClick:i,children:(0,I.jsx)(N,{name:`close`})})]})]})}var ne=o(`
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
`);function re({reference:t}){let n=(0,P.useId)(),[{data:i}]=a({query:ne,variables:{reference:t},requestPolicy:`cache-and-network`}),o=i?.case.integralView;return o?.conflict?(0,I.jsxs)(w,{type:`warning`,className:`loket-integral`,"aria-labelledby":n,children:[(0,I.jsx)(e,{id:n,children:(0,I.jsx)(d,{id:`console.case.integral`,defaultMessage:`Besluiten op dit adres spreken elkaar tegen`,description:`Heading of the integral view's conflict warning`})}),(0,I.jsx)(r,{children:(0,I.jsx)(d,{id:`console.case.integral.call`,defaultMessage:`Overleg met: {departments}.`,description:`The departments to call about the conflicting decisions`,values:{departments:o.conflictingDepartments.join(`, `)}})}),(0,I.jsx)(`ul`,{children:o.cases.map(e=>(0,I.jsx)(`li`,{children:v([e.caseType,e.reference,e.department,e.status])},e.reference))})]}):null}var $=o(`
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
`);function ae(){let e=y(),t=n(),{reference:i=``}=b(),{data:a,reexecute:o}=ee({query:$,variables:{reference:i}}),[l,u]=(0,P.useState)(!1),[f,p]=(0,P.useState)(null),h=a?.case,g=h?.id,_=h?.version;c({query:ie,variables:{caseId:g??``},pause:!g},(e,t)=>(_!==void 0&&t.caseUpdated.case.version>_&&u(!0),t));let v=()=>{u(!1),p(null),o({requestPolicy:`network-only`})};return!h||!a?(0,I.jsx)(m,{}):(0,I.jsxs)(I.Fragment,{children:[(0,I.jsx)(s,{children:[h.caseType.name,h.reference].join(` `)}),l&&(0,I.jsxs)(w,{type:`warning`,role:`status`,children:[(0,I.jsx)(r,{children:(0,I.jsx)(d,{id:`console.case.changedElsewhere`,defaultMessage:`Een collega heeft deze zaak zojuist gewijzigd.`,description:`Shown when the open case changes elsewhere`})}),(0,I.jsx)(S,{type:`button`,appearance:`secondary-action-button`,onClick:v,children:(0,I.jsx)(N,{name:`reload`})})]}),(0,I.jsx)(re,{reference:h.reference}),(0,I.jsxs)(`dl`,{className:`loket-facts`,children:[(0,I.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,I.jsx)(`dt`,{children:(0,I.jsx)(N,{name:`department`})}),(0,I.jsx)(`dd`,{children:h.caseType.department})]}),(0,I.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,I.jsx)(`dt`,{children:(0,I.jsx)(N,{name:`status`})}),(0,I.jsx)(`dd`,{className:`loket-case-status`,children:h.status?.name})]}),(0,I.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,I.jsx)(`dt`,{children:(0,I.jsx)(N,{name:`deadline`})}),(0,I.jsxs)(`dd`,{children:[(0,I.jsx)(D,{value:h.deadline}),h.overdue&&(0,I.jsx)(M,{})]})]}),(0,I.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,I.jsx)(`dt`,{children:(0,I.jsx)(N,{name:`handler`})}),(0,I.jsx)(`dd`,{className:`loket-case-handler`,children:h.handler??(0,I.jsx)(N,{name:`nobody`})})]}),(0,I.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,I.jsx)(`dt`,{children:(0,I.jsx)(d,{id:`case.submitted`,defaultMessage:`Aangevraagd op`,description:`Label of the day a case came in`})}),(0,I.jsx)(`dd`,{children:(0,I.jsx)(D,{value:h.submittedAt})})]}),h.location&&(0,I.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,I.jsx)(`dt`,{children:(0,I.jsx)(N,{name:`location`})}),(0,I.jsx)(`dd`,{children:h.location})]}),h.description&&(0,I.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,I.jsx)(`dt`,{children:(0,I.jsx)(d,{id:`console.case.description`,defaultMessage:`Omschrijving van de inwoner`,description:`Label of what the resident wrote`})}),(0,I.jsx)(`dd`,{children:h.description})]})]}),h.decision&&(0,I.jsx)(T,{decision:h.decision}),(0,I.jsx)(U,{case:h,me:a.me.subject,onConflict:()=>{h&&t.query($,{reference:i},{requestPolicy:`network-only`}).toPromise().then(e=>p({before:h,now:e.data?.case??null}))},onChanged:v}),(0,I.jsxs)(`details`,{className:`loket-details`,children:[(0,I.jsx)(`summary`,{children:(0,I.jsx)(d,{id:`console.resident.steps`,defaultMessage:`Stappen bekijken`,description:`Opens the status steps of a case`})}),(0,I.jsx)(E,{case:h,"aria-label":e.formatMessage({id:`console.case.steps`,defaultMessage:`Stappen van zaak {reference}`,description:`Accessible name of the status steps in the console`},{reference:h.reference})})]}),h.journal&&(0,I.jsx)(Q,{entries:h.journal}),f&&(0,I.jsx)(te,{conflict:f,onReload:v,onClose:()=>p(null)})]})}export{ae as StaffCasePage};
import{A as e,H as t,M as n,P as r,at as i,d as a,mt as o,ot as s,st as c}from"./index-BoWHM9-R.js";import{t as l}from"./PageLinks-Cjzl3iCV.js";import{t as u}from"./ReportSummary-DMrmw03M.js";import{t as d}from"./usePageQuery-IGS0VNgU.js";var f=c(),p=20,m=n(`
  query MyReports($first: Int!, $after: String) {
    me {
      reports(first: $first, after: $after) {
        nodes {
          reference
          ...ReportSummary_Report
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);function h(){let n=s(),[c]=o(),h=c.get(`na`),{data:g}=d({query:m,variables:{first:p,after:h},requestPolicy:`cache-and-network`}),_=g?.me.reports?.nodes,v=g?.me.reports?.pageInfo;return(0,f.jsxs)(f.Fragment,{children:[(0,f.jsx)(r,{children:n.formatMessage({id:`reports.title`,defaultMessage:`Mijn meldingen`,description:`Title of my reports about public space`})}),(0,f.jsx)(t,{children:(0,f.jsx)(e,{to:`/melding`,children:(0,f.jsx)(i,{id:`reports.new`,defaultMessage:`Nieuwe melding doen`,description:`Link from my reports to the report form`})})}),g?!_||_.length===0?(0,f.jsx)(t,{children:(0,f.jsx)(i,{id:`reports.none`,defaultMessage:`U hebt nog geen meldingen gedaan of gevolgd.`,description:`My reports is empty`})}):(0,f.jsxs)(f.Fragment,{children:[(0,f.jsx)(`ul`,{className:`loket-case-list`,children:_.map(e=>(0,f.jsx)(`li`,{children:(0,f.jsx)(u,{report:e})},e.reference))}),v&&(0,f.jsx)(l,{path:`/mijn/meldingen`,after:h,pageInfo:v})]}):(0,f.jsx)(a,{})]})}export{h as ReportsPage};
import{B as e,H as t,I as n,L as r,M as i,P as a,at as o,d as s,gt as c,ht as l,mt as u,ot as d,r as f,st as p,tt as m,z as h}from"./index-BoWHM9-R.js";import{t as g}from"./usePageQuery-IGS0VNgU.js";import{t as _}from"./ActionError-Dwe0gDLV.js";import{t as v}from"./FormFields-vnC_hBtq.js";import{t as y}from"./Table-qSrJnayI.js";import{r as b,t as x}from"./PeriodForm-C9-wB54X.js";var S=c(l(),1),C=p(),w=i(`
  query SearchReport($period: PeriodInput!) {
    searchReport(period: $period, limit: 20) {
      searches
      zeroResultSearches
      topQueries {
        query
        searches
        zeroResults
      }
      zeroResultQueries {
        query
        searches
      }
    }
  }
`),T=i(`
  query SynonymProducts {
    products(first: 100) {
      nodes {
        code
        name
        searchTerms
      }
    }
  }
`),E=i(`
  mutation AddSearchTerm($input: UpsertProductInput!) {
    upsertProduct(input: $input) {
      product {
        code
        name
        searchTerms
      }
    }
  }
`);function D(){let n=d(),{can:r}=f(),[i]=u(),{period:c}=b(i),{data:l}=g({query:w,variables:{period:c}}),p=l?.searchReport,m=r(`catalog/products`,`UPDATE`);return(0,C.jsxs)(C.Fragment,{children:[(0,C.jsx)(a,{children:n.formatMessage({id:`console.search.title`,defaultMessage:`Zoekrapport`,description:`Title of the search report`})}),(0,C.jsx)(x,{compare:!1}),p?(0,C.jsxs)(C.Fragment,{children:[(0,C.jsx)(t,{children:(0,C.jsx)(o,{id:`console.search.lead`,defaultMessage:`{searches, plural, one {# zoekopdracht} other {# zoekopdrachten}}, waarvan {zero} zonder resultaat.`,description:`How many searches the period had and how many found nothing`,values:{searches:p.searches,zero:p.zeroResultSearches}})}),(0,C.jsx)(e,{children:(0,C.jsx)(o,{id:`console.search.zero`,defaultMessage:`Niets gevonden`,description:`Heading of the queries that found nothing`})}),p.zeroResultQueries.length===0?(0,C.jsx)(t,{children:(0,C.jsx)(o,{id:`console.search.zero.none`,defaultMessage:`Elke zoekopdracht vond iets.`,description:`No query found nothing`})}):(0,C.jsx)(`ul`,{className:`loket-zero-queries`,children:p.zeroResultQueries.map(e=>(0,C.jsx)(`li`,{className:`loket-panel`,children:(0,C.jsx)(O,{query:e.query,searches:e.searches,editable:m})},e.query))}),(0,C.jsx)(e,{children:(0,C.jsx)(o,{id:`console.search.top`,defaultMessage:`Meest gezocht`,description:`Heading of the top queries`})}),(0,C.jsx)(y,{caption:(0,C.jsx)(o,{id:`console.search.top`,defaultMessage:`Meest gezocht`,description:`Heading of the top queries`}),columns:[(0,C.jsx)(o,{id:`console.search.query`,defaultMessage:`Zoekopdracht`,description:`Column`},`query`),(0,C.jsx)(o,{id:`console.search.searches`,defaultMessage:`Keer gezocht`,description:`Column`},`searches`),(0,C.jsx)(o,{id:`console.search.zeroResults`,defaultMessage:`Niets gevonden`,description:`Column: how often the query found nothing`},`zero`)],children:p.topQueries.map(e=>(0,C.jsxs)(`tr`,{className:`utrecht-table__row`,children:[(0,C.jsx)(`th`,{className:`utrecht-table__header-cell`,scope:`row`,children:e.query}),(0,C.jsx)(`td`,{className:`utrecht-table__cell loket-figure`,children:e.searches}),(0,C.jsx)(`td`,{className:`utrecht-table__cell loket-figure`,children:e.zeroResults})]},e.query))})]}):(0,C.jsx)(s,{})]})}function O({query:e,searches:i,editable:a}){let s=d(),[{data:c}]=r({query:T,pause:!a}),[l,u]=n(E),[f,p]=(0,S.useState)(``),g=c?.products.nodes??[],y=f||g[0]?.code||``,b=l.data?.upsertProduct.product;return(0,C.jsxs)(C.Fragment,{children:[(0,C.jsx)(`p`,{className:`loket-zero-query`,children:(0,C.jsx)(o,{id:`console.search.zero.item`,defaultMessage:`“{query}”: {searches, plural, one {# keer} other {# keer}} gezocht`,description:`A query that found nothing and how often it was searched`,values:{query:e,searches:i}})}),b?(0,C.jsx)(h,{type:`ok`,role:`status`,children:(0,C.jsx)(t,{children:(0,C.jsx)(o,{id:`console.search.added`,defaultMessage:`“{query}” is nu een zoekwoord van {product}.`,description:`Confirmation after adding a search term`,values:{query:e,product:b.name}})})}):a&&g.length>0&&(0,C.jsxs)(`form`,{className:`loket-form`,"aria-label":s.formatMessage({id:`console.search.addForm`,defaultMessage:`“{query}” als zoekwoord toevoegen`,description:`Accessible name of the form that adds a query as a search term`},{query:e}),onSubmit:t=>{t.preventDefault();let n=g.find(e=>e.code===y);n&&u({input:{code:n.code,searchTerms:[...n.searchTerms.filter(t=>t!==e),e]}})},children:[(0,C.jsx)(_,{error:l.error}),(0,C.jsx)(v,{label:(0,C.jsx)(o,{id:`console.search.product`,defaultMessage:`Bedoeld product`,description:`Label: the product the query meant`}),name:`product`,value:y,onChange:p,options:g.map(e=>({value:e.code,label:e.name}))}),(0,C.jsx)(m,{type:`submit`,appearance:`secondary-action-button`,busy:l.fetching,children:(0,C.jsx)(o,{id:`console.search.add`,defaultMessage:`Als zoekwoord toevoegen`,description:`Button: add the query as a search term of the product`})})]})]})}export{D as SearchReportPage};
import{B as e,H as t,M as n,N as r,O as i,P as a,at as o,d as s,gt as c,ht as l,ot as u,st as d}from"./index-BoWHM9-R.js";import{t as f}from"./usePageQuery-IGS0VNgU.js";var p=c(l(),1),m=d(),h=n(`
  fragment ComparablesPlot_Report on ValuationReportInfo {
    radiusMeters
    object {
      address {
        latitude
        longitude
      }
    }
    comparables {
      id
      value
      floorArea
      buildYear
      distanceMeters
      address {
        street
        houseNumber
        letter
        addition
        postcode
        city
        latitude
        longitude
      }
    }
  }
`),g=[`n`,`ne`,`e`,`se`,`s`,`sw`,`w`,`nw`],_=300,v=_/2,y=130;function b(e,t){return{east:(t.longitude-e.longitude)*111320*Math.cos(e.latitude*Math.PI/180),north:(t.latitude-e.latitude)*110540}}function x({east:e,north:t}){let n=Math.atan2(e,t)*180/Math.PI;return g[Math.round((n+360)%360/45)%8]??`n`}function S({value:e}){switch(e){case`n`:return(0,m.jsx)(o,{id:`direction.n`,defaultMessage:`noord`,description:`Compass direction`});case`ne`:return(0,m.jsx)(o,{id:`direction.ne`,defaultMessage:`noordoost`,description:`Compass direction`});case`e`:return(0,m.jsx)(o,{id:`direction.e`,defaultMessage:`oost`,description:`Compass direction`});case`se`:return(0,m.jsx)(o,{id:`direction.se`,defaultMessage:`zuidoost`,description:`Compass direction`});case`s`:return(0,m.jsx)(o,{id:`direction.s`,defaultMessage:`zuid`,description:`Compass direction`});case`sw`:return(0,m.jsx)(o,{id:`direction.sw`,defaultMessage:`zuidwest`,description:`Compass direction`});case`w`:return(0,m.jsx)(o,{id:`direction.w`,defaultMessage:`west`,description:`Compass direction`});case`nw`:return(0,m.jsx)(o,{id:`direction.nw`,defaultMessage:`noordwest`,description:`Compass direction`});default:return e}}var C=(0,p.forwardRef)(function({report:t,className:n,...a},s){let c=u(),l=(0,p.useId)(),d=r(h,t),f=d.object.address,g=e=>c.formatNumber(e,{style:`currency`,currency:`EUR`,maximumFractionDigits:0}),C=y/Math.max(1,d.radiusMeters),w=d.comparables.map((e,t)=>{let n=f&&e.address?b(f,e.address):{east:0,north:0};return{c:e,index:t,o:n,x:v+n.east*C,y:v-n.north*C}}),T=e=>c.formatMessage({id:`comparables.ring`,defaultMessage:`{metres} m`,description:`Distance ring label`},{metres:c.formatNumber(e)});return(0,m.jsxs)(`section`,{ref:s,"aria-labelledby":`${l}-heading`,className:[`loket-comparables`,n].filter(Boolean).join(` `),...a,children:[(0,m.jsx)(e,{id:`${l}-heading`,children:(0,m.jsx)(o,{id:`comparables.heading`,defaultMessage:`Vergelijkbare woningen`,description:`Heading of the comparables`})}),(0,m.jsxs)(`div`,{className:`loket-comparables__layout`,children:[(0,m.jsx)(`ol`,{className:`loket-comparables__list`,children:w.map(({c:e,o:t})=>(0,m.jsxs)(`li`,{className:`loket-comparables__item`,children:[(0,m.jsx)(`span`,{className:`loket-comparables__address`,children:e.address?i({...e.address,postcode:``,city:``}):e.id}),(0,m.jsx)(`br`,{}),(0,m.jsx)(o,{id:`comparables.item`,defaultMessage:`{distance} meter {direction} · {value} · {area} m² · bouwjaar {year}`,description:`A comparable home's distance, direction, value, floor area and build year`,values:{distance:c.formatNumber(e.distanceMeters),direction:(0,m.jsx)(S,{value:x(t)}),value:g(e.value),area:e.floorArea,year:e.buildYear}})]},e.id))}),(0,m.jsxs)(`svg`,{className:`loket-comparables__plot`,viewBox:`0 0 ${_} ${_}`,role:`img`,"aria-labelledby":`${l}-plot`,focusable:`false`,children:[(0,m.jsx)(`title`,{id:`${l}-plot`,children:c.formatMessage({id:`comparables.plot`,defaultMessage:`Kaartje zonder ondergrond: uw woning in het midden, {count, plural, one {de vergelijkbare woning} other {de # vergelijkbare woningen}} met het nummer uit de lijst, tot {radius} meter, noord boven`,description:`Text alternative of the relative-position plot`},{count:w.length,radius:c.formatNumber(d.radiusMeters)})}),(0,m.jsx)(`circle`,{className:`loket-comparables__ring`,cx:v,cy:v,r:y}),(0,m.jsx)(`circle`,{className:`loket-comparables__ring`,cx:v,cy:v,r:y/2}),(0,m.jsx)(`text`,{className:`loket-comparables__ring-label`,x:154,y:32,children:T(d.radiusMeters)}),(0,m.jsx)(`text`,{className:`loket-comparables__ring-label`,x:154,y:97,children:T(Math.round(d.radiusMeters/2))}),(0,m.jsx)(`text`,{className:`loket-comparables__north`,x:v,y:12,textAnchor:`middle`,children:c.formatMessage({id:`comparables.north`,defaultMessage:`N`,description:`North marker on the plot`})}),w.map(({c:e,index:t,x:n,y:r})=>(0,m.jsxs)(`g`,{className:`loket-comparables__point`,children:[(0,m.jsx)(`circle`,{cx:n,cy:r,r:9}),(0,m.jsx)(`text`,{x:n,y:r+3.5,textAnchor:`middle`,children:t+1})]},e.id)),(0,m.jsx)(`rect`,{className:`loket-comparables__home`,x:141,y:141,width:18,height:18}),(0,m.jsx)(`text`,{className:`loket-comparables__home-label`,x:v,y:154,textAnchor:`middle`,children:c.formatMessage({id:`comparables.you`,defaultMessage:`U`,description:`Marks your own home on the plot`})})]})]})]})}),w=n(`
  fragment ValueHistoryChart_Report on ValuationReportInfo {
    history {
      referenceDate
      value
    }
  }
`),T=320,E=180,D=8,O=(0,p.forwardRef)(function({report:e,className:t,...n},i){let a=u(),s=(0,p.useId)(),{history:c}=r(w,e),l=e=>a.formatNumber(e,{style:`currency`,currency:`EUR`,maximumFractionDigits:0}),d=e=>e.slice(0,4),f=Math.max(1,...c.map(e=>e.value)),h=304/Math.max(1,c.length),g=e=>144*e/f,_=c[0],v=c.at(-1),y=_&&v?a.formatMessage({id:`valuation.chart.summary`,defaultMessage:`WOZ-waarde van {from} ({fromYear}) tot {to} ({toYear})`,description:`Text alternative of the value chart`},{from:l(_.value),fromYear:d(_.referenceDate),to:l(v.value),toYear:d(v.referenceDate)}):``;return(0,m.jsxs)(`figure`,{ref:i,"aria-labelledby":`${s}-caption`,className:[`loket-chart`,t].filter(Boolean).join(` `),...n,children:[(0,m.jsx)(`figcaption`,{id:`${s}-caption`,className:`loket-chart__caption`,children:(0,m.jsx)(o,{id:`valuation.chart.caption`,defaultMessage:`De WOZ-waarde van uw woning door de jaren heen`,description:`Caption of the value history`})}),(0,m.jsxs)(`svg`,{className:`loket-chart__image`,viewBox:`0 0 ${T} ${E}`,role:`img`,"aria-labelledby":`${s}-title`,focusable:`false`,children:[(0,m.jsx)(`title`,{id:`${s}-title`,children:y}),(0,m.jsx)(`line`,{className:`loket-chart__axis`,x1:D,x2:312,y1:156,y2:156}),c.map((e,t)=>{let n=D+t*h+h*.2,r=g(e.value);return(0,m.jsxs)(`g`,{children:[(0,m.jsx)(`rect`,{className:t===c.length-1?`loket-chart__bar loket-chart__bar--current`:`loket-chart__bar`,x:n,y:156-r,width:h*.6,height:r}),(0,m.jsx)(`text`,{className:`loket-chart__label`,x:n+h*.3,y:172,textAnchor:`middle`,children:d(e.referenceDate)})]},e.referenceDate)})]}),(0,m.jsxs)(`table`,{className:`utrecht-table loket-chart__table`,children:[(0,m.jsx)(`caption`,{className:`utrecht-table__caption`,children:(0,m.jsx)(o,{id:`valuation.table.caption`,defaultMessage:`WOZ-waarde per jaar`,description:`Caption of the table with the values`})}),(0,m.jsx)(`thead`,{className:`utrecht-table__header`,children:(0,m.jsxs)(`tr`,{className:`utrecht-table__row`,children:[(0,m.jsx)(`th`,{scope:`col`,className:`utrecht-table__header-cell`,children:(0,m.jsx)(o,{id:`valuation.table.date`,defaultMessage:`Peildatum`,description:`Column: reference date`})}),(0,m.jsx)(`th`,{scope:`col`,className:`utrecht-table__header-cell utrecht-table__header-cell--numeric`,children:(0,m.jsx)(o,{id:`valuation.table.value`,defaultMessage:`Waarde`,description:`Column: value`})})]})}),(0,m.jsx)(`tbody`,{className:`utrecht-table__body`,children:c.map(e=>(0,m.jsxs)(`tr`,{className:`utrecht-table__row`,children:[(0,m.jsx)(`th`,{scope:`row`,className:`utrecht-table__header-cell`,children:a.formatDate(`${e.referenceDate}T12:00:00Z`,{dateStyle:`long`})}),(0,m.jsx)(`td`,{className:`utrecht-table__cell utrecht-table__cell--numeric`,children:l(e.value)})]},e.referenceDate))})]})]})}),k=n(`
  query MyValuation {
    valuationReport {
      object {
        id
        value
        referenceDate
        floorArea
        plotArea
        buildYear
        address {
          street
          houseNumber
          letter
          addition
          postcode
          city
        }
      }
      bandPercent
      ...ValueHistoryChart_Report
      ...ComparablesPlot_Report
    }
  }
`);function A(){let e=u(),{data:n}=f({query:k}),r=n?.valuationReport;return(0,m.jsxs)(m.Fragment,{children:[(0,m.jsx)(a,{children:e.formatMessage({id:`valuation.title`,defaultMessage:`WOZ-waarde van uw woning`,description:`Title of the valuation page`})}),r?(0,m.jsxs)(m.Fragment,{children:[(0,m.jsx)(t,{appearance:`lead`,children:(0,m.jsx)(o,{id:`valuation.lead`,defaultMessage:`Uw woning aan {address} is {value} waard op {date}.`,description:`The home's current value`,values:{address:r.object.address?i(r.object.address):r.object.id,value:(0,m.jsx)(`strong`,{children:(t=>e.formatNumber(t,{style:`currency`,currency:`EUR`,maximumFractionDigits:0}))(r.object.value)}),date:e.formatDate(`${r.object.referenceDate}T12:00:00Z`,{dateStyle:`long`})}})}),(0,m.jsxs)(`dl`,{className:`loket-facts`,children:[(0,m.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,m.jsx)(`dt`,{children:(0,m.jsx)(o,{id:`valuation.floorArea`,defaultMessage:`Woonoppervlakte`,description:`Label`})}),(0,m.jsx)(`dd`,{children:(0,m.jsx)(o,{id:`valuation.area`,defaultMessage:`{area} m²`,description:`An area in square metres`,values:{area:r.object.floorArea}})})]}),(0,m.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,m.jsx)(`dt`,{children:(0,m.jsx)(o,{id:`valuation.plotArea`,defaultMessage:`Perceel`,description:`Label`})}),(0,m.jsx)(`dd`,{children:(0,m.jsx)(o,{id:`valuation.area`,defaultMessage:`{area} m²`,description:`An area in square metres`,values:{area:r.object.plotArea}})})]}),(0,m.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,m.jsx)(`dt`,{children:(0,m.jsx)(o,{id:`valuation.buildYear`,defaultMessage:`Bouwjaar`,description:`Label`})}),(0,m.jsx)(`dd`,{children:r.object.buildYear})]})]}),(0,m.jsx)(O,{report:r}),(0,m.jsx)(t,{children:(0,m.jsx)(o,{id:`valuation.comparables.lead`,defaultMessage:`Dit zijn woningen in de buurt die op die van u lijken. Hun waarde ligt niet meer dan {band} procent hoger of lager.`,description:`Explains how comparable homes were chosen`,values:{band:r.bandPercent}})}),(0,m.jsx)(C,{report:r})]}):(0,m.jsx)(s,{})]})}export{A as ValuationPage};
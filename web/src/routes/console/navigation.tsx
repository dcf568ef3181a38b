// The console's sections, each shown only where the employee's policy allows its work.
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

import type { NavItem } from '../../components/PageShell';
import type { Me } from '../../hooks/useMe';

export interface ConsoleArea extends NavItem {
  /** What the section is for, on the start page. */
  description: ReactNode;
}

/** The sections the policy opens for this employee, in the order of the menu. */
export function consoleAreas(can: Me['can']): ConsoleArea[] {
  const areas: ConsoleArea[] = [];
  if (can('contact/moments', 'CREATE')) {
    areas.push({
      to: '/medewerker/inwoners',
      label: (
        <FormattedMessage
          id="console.nav.residents"
          defaultMessage="Inwoner zoeken"
          description="Console menu: the contact centre's resident search"
        />
      ),
      description: (
        <FormattedMessage
          id="console.area.residents"
          defaultMessage="Zoek een inwoner, zie contacten en zaken, registreer een contact of zet een vraag uit."
          description="Console start page: what the resident search is for"
        />
      ),
    });
  }
  if (can('appointment/counter', 'UPDATE')) {
    areas.push({
      to: '/medewerker/balie',
      label: (
        <FormattedMessage
          id="console.nav.counter"
          defaultMessage="Balie"
          description="Console menu: the counter's appointments of the day"
        />
      ),
      description: (
        <FormattedMessage
          id="console.area.counter"
          defaultMessage="De afspraken van vandaag op een locatie: aanmelden, oproepen en afronden."
          description="Console start page: what the counter's day list is for"
        />
      ),
    });
  }
  if (can('case/*', 'UPDATE')) {
    areas.push({
      to: '/medewerker/werkvoorraad',
      label: (
        <FormattedMessage
          id="console.nav.queue"
          defaultMessage="Werkvoorraad"
          description="Console menu: the back office's work queue"
        />
      ),
      description: (
        <FormattedMessage
          id="console.area.queue"
          defaultMessage="De open zaken van uw afdeling, de eerste termijn bovenaan."
          description="Console start page: what the work queue is for"
        />
      ),
    });
  }
  if (can('contact/callbacks', 'UPDATE')) {
    areas.push({
      to: '/medewerker/terugbellen',
      label: (
        <FormattedMessage
          id="console.nav.callbacks"
          defaultMessage="Terugbellen"
          description="Console menu: the callback queue"
        />
      ),
      description: (
        <FormattedMessage
          id="console.area.callbacks"
          defaultMessage="Vragen die het klantcontactcentrum aan u heeft doorgezet."
          description="Console start page: what the callback queue is for"
        />
      ),
    });
  }
  if (can('report/service', 'READ')) {
    areas.push({
      to: '/medewerker/rapportage',
      label: (
        <FormattedMessage
          id="console.nav.report"
          defaultMessage="Rapportage"
          description="Console menu: the manager dashboard"
        />
      ),
      description: (
        <FormattedMessage
          id="console.area.report"
          defaultMessage="Of de servicenormen zijn gehaald, vergeleken met een jaar eerder."
          description="Console start page: what the dashboard is for"
        />
      ),
    });
  }
  if (can('report/search', 'READ')) {
    areas.push({
      to: '/medewerker/zoekrapport',
      label: (
        <FormattedMessage
          id="console.nav.search"
          defaultMessage="Zoekrapport"
          description="Console menu: the search report"
        />
      ),
      description: (
        <FormattedMessage
          id="console.area.search"
          defaultMessage="Wat inwoners zochten en niet vonden; maak er zoekwoorden van."
          description="Console start page: what the search report is for"
        />
      ),
    });
  }
  if (can('catalog/products', 'UPDATE')) {
    areas.push({
      to: '/medewerker/catalogus',
      label: (
        <FormattedMessage
          id="console.nav.catalogue"
          defaultMessage="Catalogus"
          description="Console menu: editing the products and services"
        />
      ),
      description: (
        <FormattedMessage
          id="console.area.catalogue"
          defaultMessage="Producten en diensten toevoegen, wijzigen, zoekwoorden geven en verbergen."
          description="Console start page: what catalogue editing is for"
        />
      ),
    });
  }
  if (can('notification/deliveries', 'READ')) {
    areas.push({
      to: '/medewerker/berichten',
      label: (
        <FormattedMessage
          id="console.nav.deliveries"
          defaultMessage="Berichtenverkeer"
          description="Console menu: notification deliveries"
        />
      ),
      description: (
        <FormattedMessage
          id="console.area.deliveries"
          defaultMessage="Berichten die niet aankwamen, met de laatste fout; verstuur ze opnieuw."
          description="Console start page: what the deliveries page is for"
        />
      ),
    });
  }
  if (can('processing-log/entries', 'READ')) {
    areas.push({
      to: '/medewerker/verwerkingen',
      label: (
        <FormattedMessage
          id="console.nav.processingLog"
          defaultMessage="Verwerkingslog"
          description="Console menu: the processing log"
        />
      ),
      description: (
        <FormattedMessage
          id="console.area.processingLog"
          defaultMessage="Wie wanneer welke persoonsgegevens inzag, en waarom."
          description="Console start page: what the processing log is for"
        />
      ),
    });
  }
  return areas;
}

/** The console's menu: its start page, then the sections the policy opens. */
export function consoleNavigation(can: Me['can']): NavItem[] {
  return [
    {
      to: '/medewerker',
      end: true,
      label: (
        <FormattedMessage
          id="console.nav.home"
          defaultMessage="Overzicht"
          description="Console menu: start page"
        />
      ),
    },
    ...consoleAreas(can).map(({ to, label }) => ({ to, label })),
  ];
}

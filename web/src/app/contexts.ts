// The app-wide contexts. Their providers live in this folder; components reach them through
// the hooks in src/hooks.
import { createContext } from 'react';

import type { Audience, Session } from '../auth/session';
import type { Bootstrap } from '../bootstrap';
import type { TenantQuery } from '../gql/graphql';

export type SessionEnd = 'expired' | 'logged-out' | null;

export interface SessionState {
  session: Session | null;
  /** Why the last session ended, for the login page to say. */
  ended: SessionEnd;
  signIn: (session: Session) => void;
  signOut: () => void;
  /** The token was refused or ran out: forget it and ask for a new login. */
  expire: () => void;
  /** Registers how to renew the session before it ends (OpenID Connect refresh). */
  setRenewer: (renew: (() => Promise<Session | null>) | null) => void;
}

export const SessionContext = createContext<SessionState | null>(null);

export type TenantInfo = TenantQuery['tenant'];

export interface TenantState {
  bootstrap: Bootstrap;
  tenant: TenantInfo;
  /** The languages the portal can show for this municipality, default first. */
  languages: readonly string[];
}

export const TenantContext = createContext<TenantState | null>(null);

export interface LocaleState {
  locale: string;
  setLocale: (locale: string) => void;
}

export const LocaleContext = createContext<LocaleState | null>(null);

/** Called when the live connection comes back after an interruption. */
export type ReconnectListener = () => void;

export const ReconnectContext = createContext<{
  subscribe: (listener: ReconnectListener) => () => void;
} | null>(null);

/** A section of the app (the residents' portal, the staff console) and its own pages. */
export interface SectionState {
  /** Who logs in here. */
  audience: Audience;
  /** The section's start page. */
  home: string;
  /** Its login page. */
  login: string;
  /** Where a login leads when it was not asked for by a page. */
  afterLogin: string;
}

export const PORTAL_SECTION: SectionState = {
  audience: 'residents',
  home: '/',
  login: '/inloggen',
  afterLogin: '/mijn/zaken',
};

export const SectionContext = createContext<SectionState>(PORTAL_SECTION);

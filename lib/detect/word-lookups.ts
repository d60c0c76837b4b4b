// Generated from ./words.ts by scripts/word-lookups.ts: edit words.ts, then run `npm run word-lookups`.
import type { KnownRole, Language } from '../types';

/**
 * By language, then by meaning: each label as the rules spell it, with its normalised form
 * (normaliseLabel) when that is not simply its lower case.
 */
export type CompiledLookup<T extends string> = Partial<Record<Language, Partial<Record<T, CompiledLabel[]>>>>;
export type CompiledLabel = string | readonly [label: string, key: string];

/** Settings, API Keys and Open API labels, by language and entry. */
export const ENTRY_LABELS: CompiledLookup<'settings' | 'apiKeys' | 'openApi'> = {
  en: { settings: ['Settings'], apiKeys: ['API Keys'], openApi: ['Open API'] },
  da: { settings: ['Indstillinger'], apiKeys: [['API-nøgler', 'api nøgler']], openApi: ['Åben API'] },
  sv: { settings: ['Inställningar'], apiKeys: [['API-nycklar', 'api nycklar']] },
  nb: { settings: ['Innstillinger'], apiKeys: [['API-nøkler', 'api nøkler']] },
  fi: { settings: ['Asetukset'], apiKeys: [['API-avaimet', 'api avaimet']] },
  de: { settings: ['Einstellungen'], apiKeys: [['API-Schlüssel', 'api schlüssel']] },
  es: { settings: ['Configuración', 'Ajustes'], apiKeys: ['Claves de API', 'Claves API'] },
  fr: { settings: ['Paramètres'], apiKeys: ['Clés API', "Clés d'API"] },
  nl: { settings: ['Instellingen'], apiKeys: [['API-sleutels', 'api sleutels']] },
  pt: {
    settings: ['Definições', 'Configurações'],
    apiKeys: ['Chaves de API', 'Chaves API'],
    openApi: ['API aberta'],
  },
  it: { settings: ['Impostazioni'], apiKeys: ['Chiavi API'] },
};

/** Role words, by language and role. */
export const ROLE_WORDS: CompiledLookup<KnownRole> = {
  en: {
    admin: ['Admin', 'Administrator'],
    bookkeeper: ['Bookkeeper', 'External bookkeeper'],
    controller: ['Controller'],
    reviewer: ['Expense reviewer', 'Reviewer'],
    finance: ['Finance'],
    employee: ['Employee'],
  },
  da: {
    bookkeeper: ['Bogholder', 'Ekstern bogholder'],
    reviewer: ['Godkender'],
    finance: ['Økonomi'],
    employee: ['Medarbejder'],
  },
  sv: {
    admin: ['Administratör'],
    bookkeeper: ['Redovisningskonsult', 'Bokförare'],
    reviewer: ['Attestansvarig', 'Granskare'],
    finance: ['Ekonomi'],
    employee: ['Medarbetare', 'Anställd'],
  },
  nb: { bookkeeper: ['Regnskapsfører'], reviewer: ['Godkjenner'], employee: ['Ansatt'] },
  fi: {
    admin: ['Ylläpitäjä', 'Pääkäyttäjä'],
    bookkeeper: ['Kirjanpitäjä'],
    reviewer: ['Tarkastaja'],
    finance: ['Talous'],
    employee: ['Työntekijä'],
  },
  de: {
    bookkeeper: ['Buchhalter', 'Externe Buchhalter', 'Externer Buchhalter'],
    reviewer: ['Prüfer'],
    finance: ['Finanzen'],
    employee: ['Mitarbeiter'],
  },
  es: {
    admin: ['Administrador'],
    bookkeeper: ['Contable', 'Contable externo'],
    controller: ['Responsable'],
    reviewer: ['Revisor'],
    finance: ['Finanzas'],
    employee: ['Empleado'],
  },
  fr: {
    admin: ['Administrateur'],
    bookkeeper: ['Comptable', ['Expert-comptable', 'expert comptable']],
    reviewer: ['Réviseur', 'Approbateur'],
    employee: ['Employé'],
  },
  nl: {
    admin: ['Beheerder'],
    bookkeeper: ['Boekhouder'],
    reviewer: ['Beoordelaar'],
    finance: ['Financiën'],
    employee: ['Medewerker', 'Werknemer'],
  },
  pt: {
    bookkeeper: ['Contabilista'],
    controller: ['Controlador'],
    finance: ['Finanças'],
    employee: ['Colaborador', 'Funcionário'],
  },
  it: {
    admin: ['Amministratore'],
    bookkeeper: ['Contabile'],
    reviewer: ['Revisore'],
    finance: ['Finanza'],
    employee: ['Dipendente'],
  },
};

/** Labels that name a role value ("Role"), normalised. */
export const ROLE_LABEL_KEYS: readonly string[] = [
  'role',
  'rolle',
  'roll',
  'rooli',
  'rol',
  'rôle',
  'função',
  'ruolo',
];

/** Words that name the account area, lower-cased (looked for inside an aria-label's text). */
export const ACCOUNT_WORDS: readonly string[] = [
  'account',
  'profile',
  'user',
  'my account',
  'konto',
  'profil',
  'bruger',
  'användare',
  'bruker',
  'tili',
  'profiili',
  'käyttäjä',
  'benutzer',
  'cuenta',
  'perfil',
  'usuario',
  'compte',
  'utilisateur',
  'profiel',
  'gebruiker',
  'conta',
  'utilizador',
  'usuário',
  'profilo',
  'utente',
];

/** Words that name the organisation, as spelt and normalised (the same: the script checks). */
export const ORGANISATION_KEYS: readonly string[] = [
  'company',
  'organisation',
  'organization',
  'entity',
  'virksomhed',
  'firma',
  'selskab',
  'företag',
  'bolag',
  'selskap',
  'bedrift',
  'organisasjon',
  'yritys',
  'organisaatio',
  'unternehmen',
  'gesellschaft',
  'empresa',
  'organización',
  'entidad',
  'entreprise',
  'société',
  'entité',
  'bedrijf',
  'organisatie',
  'onderneming',
  'organização',
  'entidade',
  'azienda',
  'società',
  'organizzazione',
  'ente',
];

/**
 * The simulated Pleo app's words (sim/pages.ts builds its pages from them), in each of its languages.
 */
import type { RoleValue } from '../lib/types';

/** The languages the simulated app speaks (the same eleven the detection rules know). */
export const SIMULATED_LANGUAGES = [
  'en',
  'da',
  'sv',
  'nb',
  'fi',
  'de',
  'es',
  'fr',
  'nl',
  'pt',
  'it',
] as const;
export type SimulatedLanguage = (typeof SIMULATED_LANGUAGES)[number];

/**
 * The app's words in each language. Written here independently of lib/detect/rules.ts (from the
 * vocabulary in the project brief and, where it differs, the words of Pleo's help centre: German's
 * gender-inclusive role names, Swedish's role names, the Danish and Portuguese legacy API labels),
 * so a typo in the rules shows up as a failing test.
 */
export interface AppTexts {
  nav: { expenses: string; cards: string; people: string; settings: string };
  sections: { general: string; export: string; integrations: string; notifications: string };
  openApi: string;
  apiKeys: string;
  roles: Record<Exclude<RoleValue, 'unknown'>, string>;
  accountMenu: string;
  mainMenu: string;
  /** The company switcher's accessible name, and the label of the company in the account menu. */
  organisation: { switcher: string; label: string };
  settingsIntro: string;
  docsLink: string;
  apiKeysIntro: string;
  createApiKey: string;
  notFound: string;
  notFoundText: string;
  signIn: { title: string; email: string; password: string; submit: string };
}

export const APP_TEXTS: Record<SimulatedLanguage, AppTexts> = {
  en: {
    nav: { expenses: 'Expenses', cards: 'Cards', people: 'People', settings: 'Settings' },
    sections: {
      general: 'General',
      export: 'Export',
      integrations: 'Integrations',
      notifications: 'Notifications',
    },
    openApi: 'Open API',
    apiKeys: 'API Keys',
    roles: {
      admin: 'Admin',
      bookkeeper: 'Bookkeeper',
      controller: 'Controller',
      reviewer: 'Expense reviewer',
      finance: 'Finance',
      employee: 'Employee',
    },
    accountMenu: 'Account menu',
    mainMenu: 'Main menu',
    organisation: { switcher: 'Switch company', label: 'Company' },
    settingsIntro:
      'Manage your company and integrations. Developers can read about API keys in the Pleo docs.',
    docsLink: 'API keys',
    apiKeysIntro: "Keys give programs access to your company's data.",
    createApiKey: 'Create API Key',
    notFound: 'Page not found',
    notFoundText: 'The page you are looking for does not exist.',
    signIn: { title: 'Log in to Pleo', email: 'Email', password: 'Password', submit: 'Log in' },
  },
  da: {
    nav: { expenses: 'Udgifter', cards: 'Kort', people: 'Personer', settings: 'Indstillinger' },
    sections: {
      general: 'Generelt',
      export: 'Eksport',
      integrations: 'Integrationer',
      notifications: 'Notifikationer',
    },
    openApi: 'Åben API',
    apiKeys: 'API-nøgler',
    roles: {
      admin: 'Administrator',
      bookkeeper: 'Bogholder',
      controller: 'Controller',
      reviewer: 'Godkender',
      finance: 'Økonomi',
      employee: 'Medarbejder',
    },
    accountMenu: 'Kontomenu',
    mainMenu: 'Hovedmenu',
    organisation: { switcher: 'Skift virksomhed', label: 'Virksomhed' },
    settingsIntro:
      'Administrer din virksomhed og dine integrationer. Udviklere kan læse om API-nøgler i Pleos dokumentation.',
    docsLink: 'API-nøgler',
    apiKeysIntro: 'Nøgler giver programmer adgang til virksomhedens data.',
    createApiKey: 'Opret API-nøgle',
    notFound: 'Siden blev ikke fundet',
    notFoundText: 'Siden, du leder efter, findes ikke.',
    signIn: { title: 'Log ind på Pleo', email: 'E-mail', password: 'Adgangskode', submit: 'Log ind' },
  },
  sv: {
    nav: { expenses: 'Utgifter', cards: 'Kort', people: 'Personer', settings: 'Inställningar' },
    sections: {
      general: 'Allmänt',
      export: 'Export',
      integrations: 'Integrationer',
      notifications: 'Aviseringar',
    },
    openApi: 'Open API',
    apiKeys: 'API-nycklar',
    roles: {
      admin: 'Administratör',
      bookkeeper: 'Redovisningskonsult',
      controller: 'Controller',
      reviewer: 'Attestansvarig',
      finance: 'Ekonomi',
      employee: 'Medarbetare',
    },
    accountMenu: 'Kontomeny',
    mainMenu: 'Huvudmeny',
    organisation: { switcher: 'Byt företag', label: 'Företag' },
    settingsIntro:
      'Hantera ditt företag och dina integrationer. Utvecklare kan läsa om API-nycklar i Pleos dokumentation.',
    docsLink: 'API-nycklar',
    apiKeysIntro: 'Nycklar ger program tillgång till företagets data.',
    createApiKey: 'Skapa API-nyckel',
    notFound: 'Sidan hittades inte',
    notFoundText: 'Sidan du letar efter finns inte.',
    signIn: { title: 'Logga in på Pleo', email: 'E-post', password: 'Lösenord', submit: 'Logga in' },
  },
  nb: {
    nav: { expenses: 'Utgifter', cards: 'Kort', people: 'Personer', settings: 'Innstillinger' },
    sections: {
      general: 'Generelt',
      export: 'Eksport',
      integrations: 'Integrasjoner',
      notifications: 'Varsler',
    },
    openApi: 'Open API',
    apiKeys: 'API-nøkler',
    roles: {
      admin: 'Administrator',
      bookkeeper: 'Regnskapsfører',
      controller: 'Controller',
      reviewer: 'Godkjenner',
      finance: 'Økonomi',
      employee: 'Ansatt',
    },
    accountMenu: 'Kontomeny',
    mainMenu: 'Hovedmeny',
    organisation: { switcher: 'Bytt selskap', label: 'Selskap' },
    settingsIntro:
      'Administrer bedriften og integrasjonene. Utviklere kan lese om API-nøkler i Pleos dokumentasjon.',
    docsLink: 'API-nøkler',
    apiKeysIntro: 'Nøkler gir programmer tilgang til bedriftens data.',
    createApiKey: 'Opprett API-nøkkel',
    notFound: 'Siden finnes ikke',
    notFoundText: 'Siden du leter etter, finnes ikke.',
    signIn: { title: 'Logg inn på Pleo', email: 'E-post', password: 'Passord', submit: 'Logg inn' },
  },
  fi: {
    nav: { expenses: 'Kulut', cards: 'Kortit', people: 'Henkilöt', settings: 'Asetukset' },
    sections: {
      general: 'Yleiset',
      export: 'Vienti',
      integrations: 'Integraatiot',
      notifications: 'Ilmoitukset',
    },
    openApi: 'Open API',
    apiKeys: 'API-avaimet',
    roles: {
      admin: 'Ylläpitäjä',
      bookkeeper: 'Kirjanpitäjä',
      controller: 'Controller',
      reviewer: 'Tarkastaja',
      finance: 'Talous',
      employee: 'Työntekijä',
    },
    accountMenu: 'Tilivalikko',
    mainMenu: 'Päävalikko',
    organisation: { switcher: 'Valitse yritys', label: 'Yritys' },
    settingsIntro:
      'Hallitse yritystäsi ja integraatioita. Kehittäjät voivat lukea API-avaimista Pleon ohjeista.',
    docsLink: 'API-avaimet',
    apiKeysIntro: 'Avaimet antavat ohjelmille pääsyn yrityksesi tietoihin.',
    createApiKey: 'Luo API-avain',
    notFound: 'Sivua ei löytynyt',
    notFoundText: 'Etsimääsi sivua ei ole olemassa.',
    signIn: { title: 'Kirjaudu Pleoon', email: 'Sähköposti', password: 'Salasana', submit: 'Kirjaudu' },
  },
  de: {
    nav: { expenses: 'Ausgaben', cards: 'Karten', people: 'Personen', settings: 'Einstellungen' },
    sections: {
      general: 'Allgemein',
      export: 'Export',
      integrations: 'Integrationen',
      notifications: 'Benachrichtigungen',
    },
    openApi: 'Open API',
    apiKeys: 'API-Schlüssel',
    roles: {
      admin: 'Admin',
      bookkeeper: 'Buchhalter:in',
      controller: 'Controller:in',
      reviewer: 'Reviewer',
      finance: 'Finanzen',
      employee: 'Mitarbeiter:in',
    },
    accountMenu: 'Benutzerprofil',
    mainMenu: 'Hauptmenü',
    organisation: { switcher: 'Unternehmen wechseln', label: 'Unternehmen' },
    settingsIntro:
      'Verwalten Sie Ihr Unternehmen und Ihre Integrationen. Entwickler lesen über API-Schlüssel in der Pleo-Dokumentation.',
    docsLink: 'API-Schlüssel',
    apiKeysIntro: 'Schlüssel geben Programmen Zugriff auf die Daten Ihres Unternehmens.',
    createApiKey: 'API-Schlüssel erstellen',
    notFound: 'Seite nicht gefunden',
    notFoundText: 'Die gesuchte Seite existiert nicht.',
    signIn: { title: 'Bei Pleo anmelden', email: 'E-Mail', password: 'Passwort', submit: 'Anmelden' },
  },
  es: {
    nav: { expenses: 'Gastos', cards: 'Tarjetas', people: 'Personas', settings: 'Configuración' },
    sections: {
      general: 'General',
      export: 'Exportación',
      integrations: 'Integraciones',
      notifications: 'Avisos',
    },
    openApi: 'Open API',
    apiKeys: 'Claves de API',
    roles: {
      admin: 'Administrador',
      bookkeeper: 'Contable',
      controller: 'Responsable',
      reviewer: 'Revisor',
      finance: 'Finanzas',
      employee: 'Empleado',
    },
    accountMenu: 'Menú de la cuenta',
    mainMenu: 'Menú principal',
    organisation: { switcher: 'Cambiar de empresa', label: 'Empresa' },
    settingsIntro:
      'Gestiona tu empresa y tus integraciones. Los desarrolladores pueden leer sobre claves de API en la documentación.',
    docsLink: 'Claves de API',
    apiKeysIntro: 'Las claves dan a los programas acceso a los datos de tu empresa.',
    createApiKey: 'Crear clave de API',
    notFound: 'Página no encontrada',
    notFoundText: 'La página que buscas no existe.',
    signIn: {
      title: 'Inicia sesión en Pleo',
      email: 'Correo electrónico',
      password: 'Contraseña',
      submit: 'Entrar',
    },
  },
  fr: {
    nav: { expenses: 'Dépenses', cards: 'Cartes', people: 'Personnes', settings: 'Paramètres' },
    sections: {
      general: 'Général',
      export: 'Export',
      integrations: 'Intégrations',
      notifications: 'Alertes',
    },
    openApi: 'Open API',
    apiKeys: 'Clés API',
    roles: {
      admin: 'Administrateur',
      bookkeeper: 'Comptable',
      controller: 'Controller',
      reviewer: 'Réviseur',
      finance: 'Finance',
      employee: 'Employé',
    },
    accountMenu: 'Mon compte',
    mainMenu: 'Menu principal',
    organisation: { switcher: 'Changer d’entreprise', label: 'Entreprise' },
    settingsIntro:
      'Gérez votre entreprise et vos intégrations. Les développeurs trouveront les clés API dans la documentation.',
    docsLink: 'Clés API',
    apiKeysIntro: 'Les clés donnent aux programmes un accès aux données de votre entreprise.',
    createApiKey: 'Créer une clé API',
    notFound: 'Page introuvable',
    notFoundText: "La page que vous cherchez n'existe pas.",
    signIn: { title: 'Connexion à Pleo', email: 'E-mail', password: 'Mot de passe', submit: 'Se connecter' },
  },
  nl: {
    nav: { expenses: 'Uitgaven', cards: 'Kaarten', people: 'Personen', settings: 'Instellingen' },
    sections: {
      general: 'Algemeen',
      export: 'Export',
      integrations: 'Integraties',
      notifications: 'Meldingen',
    },
    openApi: 'Open API',
    apiKeys: 'API-sleutels',
    roles: {
      admin: 'Beheerder',
      bookkeeper: 'Boekhouder',
      controller: 'Controller',
      reviewer: 'Beoordelaar',
      finance: 'Financiën',
      employee: 'Medewerker',
    },
    accountMenu: 'Accountmenu',
    mainMenu: 'Hoofdmenu',
    organisation: { switcher: 'Bedrijf wisselen', label: 'Bedrijf' },
    settingsIntro:
      'Beheer je bedrijf en integraties. Ontwikkelaars lezen over API-sleutels in de documentatie van Pleo.',
    docsLink: 'API-sleutels',
    apiKeysIntro: 'Sleutels geven programma’s toegang tot de gegevens van je bedrijf.',
    createApiKey: 'API-sleutel aanmaken',
    notFound: 'Pagina niet gevonden',
    notFoundText: 'De pagina die je zoekt bestaat niet.',
    signIn: { title: 'Inloggen bij Pleo', email: 'E-mail', password: 'Wachtwoord', submit: 'Inloggen' },
  },
  pt: {
    nav: { expenses: 'Despesas', cards: 'Cartões', people: 'Pessoas', settings: 'Definições' },
    sections: {
      general: 'Geral',
      export: 'Exportação',
      integrations: 'Integrações',
      notifications: 'Notificações',
    },
    openApi: 'API aberta',
    apiKeys: 'Chaves de API',
    roles: {
      admin: 'Administrador',
      bookkeeper: 'Contabilista',
      controller: 'Controlador',
      reviewer: 'Revisor',
      finance: 'Finanças',
      employee: 'Colaborador',
    },
    accountMenu: 'Menu da conta',
    mainMenu: 'Menu principal',
    organisation: { switcher: 'Mudar de empresa', label: 'Empresa' },
    settingsIntro:
      'Gira a sua empresa e as integrações. Os programadores podem ler sobre chaves de API na documentação.',
    docsLink: 'Chaves de API',
    apiKeysIntro: 'As chaves dão aos programas acesso aos dados da sua empresa.',
    createApiKey: 'Criar chave de API',
    notFound: 'Página não encontrada',
    notFoundText: 'A página que procura não existe.',
    signIn: { title: 'Iniciar sessão no Pleo', email: 'E-mail', password: 'Palavra-passe', submit: 'Entrar' },
  },
  it: {
    nav: { expenses: 'Spese', cards: 'Carte', people: 'Persone', settings: 'Impostazioni' },
    sections: {
      general: 'Generali',
      export: 'Esportazione',
      integrations: 'Integrazioni',
      notifications: 'Notifiche',
    },
    openApi: 'Open API',
    apiKeys: 'Chiavi API',
    roles: {
      admin: 'Amministratore',
      bookkeeper: 'Contabile',
      controller: 'Controller',
      reviewer: 'Revisore',
      finance: 'Finanza',
      employee: 'Dipendente',
    },
    accountMenu: 'Menu account',
    mainMenu: 'Menu principale',
    organisation: { switcher: 'Cambia azienda', label: 'Azienda' },
    settingsIntro:
      'Gestisci la tua azienda e le integrazioni. Gli sviluppatori possono leggere delle chiavi API nella documentazione.',
    docsLink: 'Chiavi API',
    apiKeysIntro: "Le chiavi danno ai programmi l'accesso ai dati della tua azienda.",
    createApiKey: 'Crea chiave API',
    notFound: 'Pagina non trovata',
    notFoundText: 'La pagina che cerchi non esiste.',
    signIn: { title: 'Accedi a Pleo', email: 'E-mail', password: 'Password', submit: 'Accedi' },
  },
};

/**
 * The words a person sees in the Pleo web app, per language: the rules' vocabulary (the rest of the
 * rules are in ./rules.ts; bump RULES_VERSION there when a word changes).
 *
 * The real app's translations are not public: these lists are a starting vocabulary, matched
 * case-insensitively with spaces and hyphens alike. Add a label by appending it to its list.
 * A role word also matches with a German gender-inclusive ending ("Buchhalter:in",
 * "Mitarbeiter*innen"): that is a rule (./labels.ts), so the lists hold the bare word alone.
 * Sources: Pleo's developer docs (the starting vocabulary) and its help centre (Controller,
 * External bookkeeper, the Swedish and Dutch role names, "Åben API", "API aberta").
 */
import type { KnownRole, Language } from '../types';

export interface Vocabulary {
  settings: string[];
  apiKeys: string[];
  openApi: string[];
  /** Labels that name a role value, as in "Role: Admin" or <dt>Role</dt><dd>Admin</dd>. */
  roleLabel: string[];
  roles: Record<KnownRole, string[]>;
  /** Words in an aria-label or title that name the signed-in user's account area. */
  accountArea: string[];
  /**
   * Words that name the active organisation (company), matched as words in an aria-label, a title
   * or a label: "Switch company", "Company: Acme ApS" (./organisation.ts).
   */
  organisation: string[];
}

export const VOCABULARY: Record<Language, Vocabulary> = {
  en: {
    settings: ['Settings'],
    apiKeys: ['API Keys'],
    openApi: ['Open API'],
    roleLabel: ['Role'],
    roles: {
      admin: ['Admin', 'Administrator'],
      bookkeeper: ['Bookkeeper', 'External bookkeeper'],
      controller: ['Controller'],
      reviewer: ['Expense reviewer', 'Reviewer'],
      finance: ['Finance'],
      employee: ['Employee'],
    },
    accountArea: ['account', 'profile', 'user', 'my account'],
    organisation: ['company', 'organisation', 'organization', 'entity'],
  },
  da: {
    settings: ['Indstillinger'],
    apiKeys: ['API-nøgler'],
    openApi: ['Open API', 'Åben API'],
    roleLabel: ['Rolle'],
    roles: {
      admin: ['Administrator', 'Admin'],
      bookkeeper: ['Bogholder', 'Ekstern bogholder'],
      controller: ['Controller'],
      reviewer: ['Godkender'],
      finance: ['Økonomi'],
      employee: ['Medarbejder'],
    },
    accountArea: ['konto', 'profil', 'bruger'],
    organisation: ['virksomhed', 'firma', 'organisation', 'selskab'],
  },
  sv: {
    settings: ['Inställningar'],
    apiKeys: ['API-nycklar'],
    openApi: ['Open API'],
    roleLabel: ['Roll'],
    roles: {
      admin: ['Administratör', 'Admin'],
      bookkeeper: ['Redovisningskonsult', 'Bokförare'],
      controller: ['Controller'],
      reviewer: ['Attestansvarig', 'Granskare'],
      finance: ['Ekonomi'],
      employee: ['Medarbetare', 'Anställd'],
    },
    accountArea: ['konto', 'profil', 'användare'],
    organisation: ['företag', 'organisation', 'bolag'],
  },
  nb: {
    settings: ['Innstillinger'],
    apiKeys: ['API-nøkler'],
    openApi: ['Open API'],
    roleLabel: ['Rolle'],
    roles: {
      admin: ['Administrator', 'Admin'],
      bookkeeper: ['Regnskapsfører'],
      controller: ['Controller'],
      reviewer: ['Godkjenner'],
      finance: ['Økonomi'],
      employee: ['Ansatt'],
    },
    accountArea: ['konto', 'profil', 'bruker'],
    organisation: ['selskap', 'bedrift', 'organisasjon', 'firma'],
  },
  fi: {
    settings: ['Asetukset'],
    apiKeys: ['API-avaimet'],
    openApi: ['Open API'],
    roleLabel: ['Rooli'],
    roles: {
      admin: ['Ylläpitäjä', 'Pääkäyttäjä', 'Admin'],
      bookkeeper: ['Kirjanpitäjä'],
      controller: ['Controller'],
      reviewer: ['Tarkastaja'],
      finance: ['Talous'],
      employee: ['Työntekijä'],
    },
    accountArea: ['tili', 'profiili', 'käyttäjä'],
    organisation: ['yritys', 'organisaatio'],
  },
  de: {
    settings: ['Einstellungen'],
    apiKeys: ['API-Schlüssel'],
    openApi: ['Open API'],
    roleLabel: ['Rolle'],
    roles: {
      admin: ['Administrator', 'Admin'],
      bookkeeper: ['Buchhalter', 'Externe Buchhalter', 'Externer Buchhalter'],
      controller: ['Controller'],
      reviewer: ['Reviewer', 'Prüfer'],
      finance: ['Finanzen'],
      employee: ['Mitarbeiter'],
    },
    accountArea: ['konto', 'profil', 'benutzer'],
    organisation: ['unternehmen', 'firma', 'organisation', 'gesellschaft'],
  },
  es: {
    settings: ['Configuración', 'Ajustes'],
    apiKeys: ['Claves de API', 'Claves API'],
    openApi: ['Open API'],
    roleLabel: ['Rol'],
    roles: {
      admin: ['Administrador', 'Admin'],
      bookkeeper: ['Contable', 'Contable externo'],
      controller: ['Responsable', 'Controller'],
      reviewer: ['Revisor'],
      finance: ['Finanzas'],
      employee: ['Empleado'],
    },
    accountArea: ['cuenta', 'perfil', 'usuario'],
    organisation: ['empresa', 'organización', 'entidad'],
  },
  fr: {
    settings: ['Paramètres'],
    apiKeys: ['Clés API', "Clés d'API"],
    openApi: ['Open API'],
    roleLabel: ['Rôle'],
    roles: {
      admin: ['Administrateur', 'Admin'],
      bookkeeper: ['Comptable', 'Expert-comptable'],
      controller: ['Controller'],
      reviewer: ['Réviseur', 'Approbateur'],
      finance: ['Finance'],
      employee: ['Employé'],
    },
    accountArea: ['compte', 'profil', 'utilisateur'],
    organisation: ['entreprise', 'société', 'organisation', 'entité'],
  },
  nl: {
    settings: ['Instellingen'],
    apiKeys: ['API-sleutels'],
    openApi: ['Open API'],
    roleLabel: ['Rol'],
    roles: {
      admin: ['Beheerder', 'Admin'],
      bookkeeper: ['Boekhouder'],
      controller: ['Controller'],
      reviewer: ['Beoordelaar'],
      finance: ['Financiën'],
      employee: ['Medewerker', 'Werknemer'],
    },
    accountArea: ['account', 'profiel', 'gebruiker'],
    organisation: ['bedrijf', 'organisatie', 'onderneming'],
  },
  pt: {
    settings: ['Definições', 'Configurações'],
    apiKeys: ['Chaves de API', 'Chaves API'],
    openApi: ['Open API', 'API aberta'],
    roleLabel: ['Função'],
    roles: {
      admin: ['Administrador', 'Admin'],
      bookkeeper: ['Contabilista'],
      controller: ['Controlador'],
      reviewer: ['Revisor'],
      finance: ['Finanças'],
      employee: ['Colaborador', 'Funcionário'],
    },
    accountArea: ['conta', 'perfil', 'utilizador', 'usuário'],
    organisation: ['empresa', 'organização', 'entidade'],
  },
  it: {
    settings: ['Impostazioni'],
    apiKeys: ['Chiavi API'],
    openApi: ['Open API'],
    roleLabel: ['Ruolo'],
    roles: {
      admin: ['Amministratore', 'Admin'],
      bookkeeper: ['Contabile'],
      controller: ['Controller'],
      reviewer: ['Revisore'],
      finance: ['Finanza'],
      employee: ['Dipendente'],
    },
    accountArea: ['account', 'profilo', 'utente'],
    organisation: ['azienda', 'società', 'organizzazione', 'ente'],
  },
};

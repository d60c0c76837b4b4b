// Generated from locales/*.yml by scripts/hint-strings.ts: edit the locale files, then rerun it.
export const HINT_STRINGS = {
  en: {
    label: 'API Access Checker for Pleo',
    roleMissing: 'Your role cannot create API keys here.',
    notEnabled: 'API keys are not enabled for this company.',
    unknownOpenSettings: 'Open the list of settings so the checker can look for API Keys.',
    unknownRole: 'The checker could not see your role. Tell it in the details.',
    ready: 'You can create an API key here. It is shown once, so copy it right away.',
    details: 'Details',
    dismiss: 'Dismiss',
  },
  da: {
    label: 'API Access Checker for Pleo',
    roleMissing: 'Din rolle kan ikke oprette API-nøgler her.',
    notEnabled: 'API-nøgler er ikke slået til for denne virksomhed.',
    unknownOpenSettings: 'Åbn listen over indstillinger, så tjekkeren kan lede efter API-nøgler.',
    unknownRole: 'Tjekkeren kunne ikke se din rolle. Angiv den under Detaljer.',
    ready: 'Du kan oprette en API-nøgle her. Den vises kun én gang, så kopiér den med det samme.',
    details: 'Detaljer',
    dismiss: 'Luk',
  },
  sv: {
    label: 'API Access Checker for Pleo',
    roleMissing: 'Din roll kan inte skapa API-nycklar här.',
    notEnabled: 'API-nycklar är inte aktiverade för det här företaget.',
    unknownOpenSettings: 'Öppna listan över inställningar så att kontrollen kan leta efter API-nycklar.',
    unknownRole: 'Kontrollen kunde inte se din roll. Ange den under Detaljer.',
    ready: 'Du kan skapa en API-nyckel här. Den visas bara en gång, så kopiera den direkt.',
    details: 'Detaljer',
    dismiss: 'Stäng',
  },
  de: {
    label: 'API Access Checker for Pleo',
    roleMissing: 'Ihre Rolle kann hier keine API-Schlüssel erstellen.',
    notEnabled: 'API-Schlüssel sind für dieses Unternehmen nicht freigeschaltet.',
    unknownOpenSettings:
      'Öffnen Sie die Liste der Einstellungen, damit die Prüfung nach API-Schlüsseln suchen kann.',
    unknownRole: 'Die Prüfung konnte Ihre Rolle nicht sehen. Geben Sie sie in den Details an.',
    ready:
      'Sie können hier einen API-Schlüssel erstellen. Er wird nur einmal angezeigt, kopieren Sie ihn also sofort.',
    details: 'Details',
    dismiss: 'Schließen',
  },
} as const;

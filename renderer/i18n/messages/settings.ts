import { KEYCHAIN_WORDS } from '../../../shared/keychain/keychain-words';
import { catalogue } from '../messages';

export const settingsMessages = catalogue({
  en: {
    title: 'Settings',
    nothingChanged: 'Nothing to save: no setting changed.',
    saved: 'Saved.',
    connection: {
      title: 'Connection',
      backend: 'Source',
      demo: 'Demo',
      openai: 'OpenAI',
      baseUrl: 'OpenAI address (base URL)',
      baseUrlHint: 'OpenAI, or a relay that speaks its API. Used with the OpenAI source only.',
      invalidBaseUrl: (example: string) =>
        `Enter an http or https address like ${example}, without a user name, password or query.`,
      keyElsewhere: (origin: string) =>
        `The key was given for ${origin}. After saving this address, enter the key again; Saldo sends it nowhere else.`,
    },
    key: {
      title: 'Admin key',
      kind: {
        admin: 'Admin key',
        project: 'Project key',
        'service-account': 'Service-account key',
        'user-legacy': 'User key',
        'not-openai': 'Key',
      },
      none: 'No key stored. Saldo shows demo data.',
      inKeychain: (kind: string) => `${kind} stored in your system keychain`,
      inEncryptedFile: (kind: string) => `${kind} stored encrypted by Saldo on this computer`,
      fromEnvironment: (kind: string) => `${kind} from OPENAI_ADMIN_KEY, for this run only`,
      endsIn: (last4: string) => `ends in ${last4}`,
      checkWorks: (time: string) => `works · checked ${time}`,
      checkFailed: (time: string, message: string) => `failed · checked ${time}: ${message}`,
      where: (keeper: string) => `Keychain: ${keeper}, service "Saldo"`,
      whereFile: (path: string, keeper: string) => `File: ${path}, encrypted with ${keeper}`,
      ...KEYCHAIN_WORDS.en,
      unavailableWord: 'No keychain',
      unavailable: "No system keychain is available on this computer, so Saldo can't store a key.",
      oneRun: 'To use a key for one run, start Saldo with OPENAI_ADMIN_KEY set.',
      explain:
        'Saldo reads your costs with an Admin key, which only organization owners can create. Project and service-account keys cannot read costs: OpenAI refuses them.',
      createKey: 'Create an Admin key on OpenAI',
      neverShown:
        'The key goes straight to your system keychain and is never shown again, only its last 4 characters.',
      neverShownEncrypted:
        'Saldo encrypts the key on this computer and never shows it again, only its last 4 characters.',
      label: 'Admin key',
      replaceLabel: 'Replace the Admin key',
      labelFor: (origin: string) => `Admin key for ${origin}`,
      forAddress: (address: string) =>
        `For ${address} (the address under Connection): Saldo sends the key there and nowhere else.`,
      givenFor: (origin: string) => `Given for ${origin}: Saldo sends it nowhere else.`,
      store: 'Store key',
      empty: 'Paste an Admin key first: it starts with sk-admin-.',
      projectKey:
        'This is a project key. Reading costs needs an Admin key (it starts with sk-admin-), which only organization owners can create.',
      notOpenAi: 'This is not an OpenAI key. Reading costs needs an Admin key (it starts with sk-admin-).',
      stored: (last4: string) => `Admin key stored · ends in ${last4}.`,
      storedNoDigits: 'Admin key stored.',
      test: 'Test',
      works: (time: string, message: string) => `Works · checked ${time}. ${message}`,
      remove: 'Remove',
      confirmRemove: 'Remove the stored key? Saldo goes back to demo data until you store another one.',
      removeKey: 'Remove key',
      removed: 'Key removed. Saldo shows demo data.',
      nothingRemoved: 'No key was stored, so nothing was removed.',
    },
    calibrate: "Enter the balance OpenAI's billing page shows",
    calibrateExplain:
      'OpenAI has no way to ask for the balance, so Saldo works it out from your purchases and spend. Correct it whenever the billing page shows something else.',
    refresh: {
      title: 'Refresh',
      interval: 'Refresh every (minutes)',
      intervalHint: (min: string, max: string, fallback: string) =>
        `From ${min} to ${max} minutes; the default is ${fallback}.`,
      invalid: (min: string, max: string) => `Enter a whole number of minutes from ${min} to ${max}.`,
    },
    appearance: {
      title: 'Language and startup',
      language: 'Language',
      languages: { en: 'English', nl: 'Nederlands' },
      theme: 'Theme',
      themes: { system: 'System', light: 'Light', dark: 'Dark' },
      launchAtLogin: 'Start Saldo when you log in',
      desktopOnly: 'Only in the desktop app',
    },
    notifications: {
      title: 'Notifications',
      explain:
        'Saldo warns you once when a balance crosses a threshold, before credit expires, and when your credit is used up. Your system’s Do Not Disturb applies.',
      sound: 'Play a sound with notifications',
      trayTitle: 'Show the balance beside the menu-bar icon (macOS)',
      test: 'Send a test notification',
      sent: 'Sent. If nothing appeared, allow notifications for Saldo in your system settings.',
    },
    data: {
      title: 'Data',
      explain: 'Export what you recorded and every synced day of spend, for a spreadsheet or a backup.',
      csv: 'Export as CSV',
      json: 'Export as JSON',
      exported: (filename: string) => `Downloaded ${filename}.`,
      where: 'Saldo keeps its files (settings, what you recorded, the synced days) in this folder:',
    },
  },
  nl: {
    title: 'Instellingen',
    nothingChanged: 'Niets op te slaan: er is geen instelling gewijzigd.',
    saved: 'Opgeslagen.',
    connection: {
      title: 'Verbinding',
      backend: 'Bron',
      demo: 'Demo',
      openai: 'OpenAI',
      baseUrl: 'Adres van OpenAI (basis-URL)',
      baseUrlHint: 'OpenAI, of een relay die dezelfde API spreekt. Alleen gebruikt met de bron OpenAI.',
      invalidBaseUrl: (example: string) =>
        `Vul een http- of https-adres in zoals ${example}, zonder gebruikersnaam, wachtwoord of query.`,
      keyElsewhere: (origin: string) =>
        `De sleutel is opgegeven voor ${origin}. Vul de sleutel opnieuw in nadat je dit adres hebt opgeslagen; Saldo stuurt hem nergens anders heen.`,
    },
    key: {
      title: 'Admin-sleutel',
      kind: {
        admin: 'Admin-sleutel',
        project: 'Projectsleutel',
        'service-account': 'Serviceaccountsleutel',
        'user-legacy': 'Gebruikerssleutel',
        'not-openai': 'Sleutel',
      },
      none: 'Geen sleutel opgeslagen. Saldo toont demogegevens.',
      inKeychain: (kind: string) => `${kind} opgeslagen in de sleutelhanger van je systeem`,
      inEncryptedFile: (kind: string) => `${kind} versleuteld opgeslagen door Saldo op deze computer`,
      fromEnvironment: (kind: string) => `${kind} uit OPENAI_ADMIN_KEY, alleen voor deze keer`,
      endsIn: (last4: string) => `eindigt op ${last4}`,
      checkWorks: (time: string) => `werkt · gecontroleerd om ${time}`,
      checkFailed: (time: string, message: string) => `mislukt · gecontroleerd om ${time}: ${message}`,
      where: (keeper: string) => `Sleutelhanger: ${keeper}, dienst "Saldo"`,
      whereFile: (path: string, keeper: string) => `Bestand: ${path}, versleuteld met ${keeper}`,
      ...KEYCHAIN_WORDS.nl,
      unavailableWord: 'Geen sleutelhanger',
      unavailable:
        'Op deze computer is geen sleutelhanger van je systeem beschikbaar, dus Saldo kan geen sleutel opslaan.',
      oneRun: 'Wil je een sleutel één keer gebruiken, start Saldo dan met OPENAI_ADMIN_KEY ingesteld.',
      explain:
        'Saldo leest je kosten met een Admin-sleutel, die alleen eigenaren van de organisatie kunnen aanmaken. Met een projectsleutel of serviceaccountsleutel lukt dat niet: OpenAI weigert die.',
      createKey: 'Admin-sleutel aanmaken bij OpenAI',
      neverShown:
        'De sleutel gaat direct naar de sleutelhanger van je systeem en wordt nooit meer getoond, alleen de laatste 4 tekens.',
      neverShownEncrypted:
        'Saldo versleutelt de sleutel op deze computer en toont hem nooit meer, alleen de laatste 4 tekens.',
      label: 'Admin-sleutel',
      replaceLabel: 'Admin-sleutel vervangen',
      labelFor: (origin: string) => `Admin-sleutel voor ${origin}`,
      forAddress: (address: string) =>
        `Voor ${address} (het adres onder Verbinding): Saldo stuurt de sleutel daarheen en nergens anders.`,
      givenFor: (origin: string) => `Opgegeven voor ${origin}: Saldo stuurt hem nergens anders heen.`,
      store: 'Sleutel opslaan',
      empty: 'Plak eerst een Admin-sleutel: die begint met sk-admin-.',
      projectKey:
        'Dit is een projectsleutel. Voor het lezen van de kosten is een Admin-sleutel nodig (die begint met sk-admin-); alleen eigenaren van de organisatie kunnen die aanmaken.',
      notOpenAi:
        'Dit is geen sleutel van OpenAI. Voor het lezen van de kosten is een Admin-sleutel nodig (die begint met sk-admin-).',
      stored: (last4: string) => `Admin-sleutel opgeslagen · eindigt op ${last4}.`,
      storedNoDigits: 'Admin-sleutel opgeslagen.',
      test: 'Testen',
      works: (time: string, message: string) => `Werkt · gecontroleerd om ${time}. ${message}`,
      remove: 'Verwijderen',
      confirmRemove:
        'De opgeslagen sleutel verwijderen? Saldo toont dan weer demogegevens tot je een andere sleutel opslaat.',
      removeKey: 'Sleutel verwijderen',
      removed: 'Sleutel verwijderd. Saldo toont demogegevens.',
      nothingRemoved: 'Er was geen sleutel opgeslagen, dus er is niets verwijderd.',
    },
    calibrate: 'Vul het saldo in dat de facturatiepagina van OpenAI toont',
    calibrateExplain:
      'Bij OpenAI kun je het saldo niet opvragen, dus Saldo berekent het uit je aankopen en uitgaven. Corrigeer het als de facturatiepagina iets anders toont.',
    refresh: {
      title: 'Vernieuwen',
      interval: 'Vernieuwen elke (minuten)',
      intervalHint: (min: string, max: string, fallback: string) =>
        `Van ${min} tot ${max} minuten; standaard is ${fallback}.`,
      invalid: (min: string, max: string) => `Vul een heel aantal minuten in van ${min} tot ${max}.`,
    },
    appearance: {
      title: 'Taal en opstarten',
      language: 'Taal',
      languages: { en: 'English', nl: 'Nederlands' },
      theme: 'Thema',
      themes: { system: 'Systeem', light: 'Licht', dark: 'Donker' },
      launchAtLogin: 'Saldo starten als je inlogt',
      desktopOnly: 'Alleen in de desktop-app',
    },
    notifications: {
      title: 'Meldingen',
      explain:
        'Saldo waarschuwt je één keer als je saldo een drempel passeert, voordat tegoed vervalt en als je tegoed op is. Niet storen van je systeem geldt ook hier.',
      sound: 'Geluid bij meldingen',
      trayTitle: 'Saldo naast het pictogram in de menubalk tonen (macOS)',
      test: 'Testmelding sturen',
      sent: 'Verstuurd. Zie je niets? Sta meldingen voor Saldo toe in de instellingen van je systeem.',
    },
    data: {
      title: 'Gegevens',
      explain:
        'Exporteer wat je hebt vastgelegd en elke gesynchroniseerde dag aan uitgaven, voor een spreadsheet of een back-up.',
      csv: 'Exporteren als CSV',
      json: 'Exporteren als JSON',
      exported: (filename: string) => `${filename} gedownload.`,
      where:
        'Saldo bewaart zijn bestanden (instellingen, wat je hebt vastgelegd, de gesynchroniseerde dagen) in deze map:',
    },
  },
});

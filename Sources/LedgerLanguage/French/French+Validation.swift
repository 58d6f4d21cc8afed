extension French {
  /// What validation says: the schema keywords' messages, the value forms, the rules across records, secrets, settings, input forms and query conditions.
  static let validation: [String: String] = [
    "a date such as 2026-12-06 or 06/12/2026, or today, found \"{1}\"":
      "une date comme 2026-12-06 ou 06/12/2026, ou today, trouvé \"{1}\"",
    "a date such as 2026-12-06 (year, month, day), or today, found \"{1}\"":
      "une date comme 2026-12-06 (année, mois, jour), ou today, trouvé \"{1}\"",
    " and ":
      " et ",
    " or ":
      " ou ",
    "\"{1}\" is not a field name or dotted path":
      "\"{1}\" n'est ni un nom de champ ni un chemin à points",
    "\"{1}\" is not a valid id: {2}":
      "\"{1}\" n'est pas un identifiant valide : {2}",
    "\"{1}\" must be {2}":
      "\"{1}\" doit être {2}",
    "\"{1}\" names {2}/{3}, which does not exist":
      "\"{1}\" nomme {2}/{3}, qui n'existe pas",
    "\"{1}\": \"{2}\" is not a day of the calendar":
      "\"{1}\" : \"{2}\" n'est pas un jour du calendrier",
    "\"{1}\": \"{2}\" is stored as {3}":
      "\"{1}\" : \"{2}\" est enregistré sous la forme {3}",
    "\"{1}\": cannot read \"{2}\" as a date: it could be day first or month first":
      "\"{1}\" : impossible de lire \"{2}\" comme une date : le jour pourrait venir avant ou après le mois",
    "\"{1}\": cannot read \"{2}\" as a phone number":
      "\"{1}\" : impossible de lire \"{2}\" comme un numéro de téléphone",
    "\"{1}\": cannot read \"{2}\" as a phone number: a national number needs the ledger's country":
      "\"{1}\" : impossible de lire \"{2}\" comme un numéro de téléphone : un numéro national demande le pays du registre",
    "\"{1}\": cannot read \"{2}\" as an amount":
      "\"{1}\" : impossible de lire \"{2}\" comme un montant",
    "= to compare, found \"==\" (there is no ==: write FIELD=VALUE)":
      "= pour comparer, trouvé \"==\" (== n'existe pas : écrivez FIELD=VALUE)",
    "a Brevo API key":
      "une clé d'API Brevo",
    "a Brevo SMTP key":
      "une clé SMTP Brevo",
    "a French department code such as 05, 2A or 974":
      "un numéro de département comme 05, 2A ou 974",
    "a GitHub token":
      "un jeton GitHub",
    "a GitLab token":
      "un jeton GitLab",
    "a Google API key":
      "une clé d'API Google",
    "a PIN":
      "un code PIN",
    "a Slack token":
      "un jeton Slack",
    "a Stripe secret key":
      "une clé secrète Stripe",
    "a UUID such as 123e4567-e89b-12d3-a456-426614174000":
      "un UUID comme 123e4567-e89b-12d3-a456-426614174000",
    "a boolean":
      "un booléen",
    "a closed ticket needs its closing date":
      "un ticket fermé a besoin de sa date de fermeture",
    "a date such as 2026-11-27":
      "une date comme 2026-11-27",
    "a date such as 2026-12-06 (year, month, day)":
      "une date comme 2026-12-06 (année, mois, jour)",
    "a dotted path such as account.person":
      "un chemin à points comme account.person",
    "a duration such as \"1y\", \"6m\", \"26w\" or \"180d\"":
      "une durée comme \"1y\", \"6m\", \"26w\" ou \"180d\"",
    "a duration such as 1y, 6m, 26w or 180d":
      "une durée comme 1y, 6m, 26w ou 180d",
    "a field name":
      "un nom de champ",
    "a kind's folder holds no folders, only ID.json files":
      "le dossier d'un type de fiche ne contient pas de dossiers, seulement des fichiers ID.json",
    "a kind's folder holds only ID.json files":
      "le dossier d'un type de fiche ne contient que des fichiers ID.json",
    "a language tag such as fr or en-GB":
      "une étiquette de langue comme fr ou en-GB",
    "a non-empty string":
      "un texte non vide",
    "a number":
      "un nombre",
    "a password":
      "un mot de passe",
    "a private key":
      "une clé privée",
    "a record does not hold its id; the id is the file name \"{1}\"":
      "une fiche ne contient pas son identifiant ; l'identifiant est le nom du fichier \"{1}\"",
    "a record is a few fields; keep documents outside the ledger and record where they are":
      "une fiche tient en quelques champs ; gardez les documents hors du registre et notez où ils se trouvent",
    "a secret":
      "un secret",
    "a secret key":
      "une clé secrète",
    "a string":
      "un texte",
    "a temporary right needs an end date":
      "un droit temporaire a besoin d'une date de fin",
    "a three-letter currency code such as \"EUR\"":
      "un code de devise à trois lettres comme \"EUR\"",
    "a three-letter currency code such as EUR":
      "un code de devise à trois lettres comme EUR",
    "a token":
      "un jeton",
    "a two-letter country code such as FR":
      "un code de pays à deux lettres comme FR",
    "a valid {1}":
      "un {1} valide",
    "add --set closed=YYYY-MM-DD":
      "ajoutez --set closed=AAAA-MM-JJ",
    "add --set end=YYYY-MM-DD":
      "ajoutez --set end=AAAA-MM-JJ",
    "add it first, or fix the id ('adminledger list {1}' shows them)":
      "ajoutez-la d'abord, ou corrigez l'identifiant ('adminledger list {1}' les montre)",
    "add the field with --set FIELD=VALUE":
      "ajoutez le champ avec --set FIELD=VALUE",
    "an API key":
      "une clé d'API",
    "an AWS access key":
      "une clé d'accès AWS",
    "an IANA time zone such as \"Europe/Paris\"":
      "un fuseau horaire IANA comme \"Europe/Paris\"",
    "an RFC 3339 instant such as 2026-11-27T14:30:00+01:00":
      "un instant RFC 3339 comme 2026-11-27T14:30:00+01:00",
    "an RFC 3339 time such as 14:30:00+01:00":
      "une heure RFC 3339 comme 14:30:00+01:00",
    "an SSH public key such as \"ssh-ed25519 AAAA… name@host\"":
      "une clé publique SSH comme \"ssh-ed25519 AAAA… nom@hôte\"",
    "an absolute URI such as https://example.org/page":
      "une URI absolue comme https://example.org/page",
    "an access code":
      "un code d'accès",
    "an access key":
      "une clé d'accès",
    "an access token":
      "un jeton d'accès",
    "an amount such as 1234.50 (a point before the cents, no spaces)":
      "un montant comme 1234.50 (un point avant les centimes, sans espaces)",
    "an array":
      "une liste",
    "an array of {1}":
      "une liste de {1}",
    "an email address such as name@example.org":
      "une adresse e-mail comme nom@example.org",
    "an evolution cannot be {1} before it is approved":
      "une évolution ne peut pas être {1} avant d'être approuvée",
    "an id cannot be empty":
      "un identifiant ne peut pas être vide",
    "an id cannot contain '..'":
      "un identifiant ne peut pas contenir '..'",
    "an id has at most 64 characters":
      "un identifiant a au plus 64 caractères",
    "an id holds only lowercase letters, digits, '.', '_' and '-', not '{1}'":
      "un identifiant ne contient que des minuscules, des chiffres, '.', '_' et '-', pas '{1}'",
    "an id starts with a lowercase letter or digit, not '{1}'":
      "un identifiant commence par une minuscule ou un chiffre, pas par '{1}'",
    "an integer":
      "un entier",
    "an international phone number such as +33612345678":
      "un numéro de téléphone international comme +33612345678",
    "an object":
      "un objet",
    "an operator (= != < <= > >= ~ or in) after the field name, found \"{1}\" (a field name holds only a-z, A-Z, 0-9, _ and -)":
      "un opérateur (= != < <= > >= ~ ou in) après le nom du champ, trouvé \"{1}\" (un nom de champ ne contient que a-z, A-Z, 0-9, _ et -)",
    "an operator right after the field name (= != < <= > >= ~, no space before it), or \" in \" and a list of values":
      "un opérateur juste après le nom du champ (= != < <= > >= ~, sans espace avant), ou \" in \" et une liste de valeurs",
    "boolean {1}":
      "le booléen {1}",
    "cannot resolve \"{1}\"":
      "impossible de résoudre \"{1}\"",
    "change or remove {1} first ('adminledger set {2} --set FIELD=VALUE' or 'adminledger rm {3}'), then remove {4}":
      "modifiez ou supprimez d'abord {1} ('adminledger set {2} --set FIELD=VALUE' ou 'adminledger rm {3}'), puis supprimez {4}",
    "change or remove {1} first ('adminledger set {2} --set FIELD=VALUE' or 'adminledger rm {3}'), then remove {4}; 'adminledger offboard' ends what a person holds in one commit":
      "modifiez ou supprimez d'abord {1} ('adminledger set {2} --set FIELD=VALUE' ou 'adminledger rm {3}'), puis supprimez {4} ; 'adminledger offboard' met fin à tout ce qu'une personne détient en un seul commit",
    "copy the whole first two words of the key's .pub file (ssh-keygen -y -f KEY prints them)":
      "copiez en entier les deux premiers mots du fichier .pub de la clé (ssh-keygen -y -f CLÉ les affiche)",
    "each record of {1} needs its own; change this one or {2}":
      "chaque fiche de {1} a besoin du sien ; changez celle-ci ou {2}",
    "edit ledger.json and run 'adminledger commit'":
      "modifiez ledger.json puis lancez 'adminledger commit'",
    "field \"{1}\" holds {2} inside its text (after \"{3}\"); the ledger never holds one":
      "le champ \"{1}\" contient {2} dans son texte (après \"{3}\") ; le registre n'en contient jamais",
    "field \"{1}\" holds {2} inside its text; the ledger never holds one":
      "le champ \"{1}\" contient {2} dans son texte ; le registre n'en contient jamais",
    "field \"{1}\" would store a secret; the ledger never holds one":
      "le champ \"{1}\" stockerait un secret ; le registre n'en contient jamais",
    "fix opened or closed":
      "corrigez opened ou closed",
    "fix start or end":
      "corrigez start ou end",
    "fix the schema, or remove it to use the built-in one":
      "corrigez le schéma, ou supprimez-le pour utiliser celui fourni avec l'outil",
    "give a value of the expected type":
      "donnez une valeur du type attendu",
    "it cannot be opened":
      "il ne peut pas être ouvert",
    "it is a folder":
      "c'est un dossier",
    "item {1} of \"{2}\"":
      "l'élément {1} de \"{2}\"",
    "ledger.json is missing":
      "ledger.json est absent",
    "ledger.json must hold an object":
      "ledger.json doit contenir un objet",
    "missing required field \"{1}\"":
      "champ obligatoire \"{1}\" absent",
    "move or remove {1}":
      "déplacez ou supprimez {1}",
    "move {1} up into {2}/, or remove it":
      "remontez {1} dans {2}/, ou supprimez-le",
    "name an existing system ('adminledger list systems' shows them), or add it first":
      "nommez un système existant ('adminledger list systems' les montre), ou ajoutez-le d'abord",
    "null":
      "null",
    "number {1}":
      "le nombre {1}",
    "one of the operators = != < <= > >= ~ or in, found \"{1}\" (a value that starts with one of these signs goes in quotes: FIELD=\"=x\")":
      "l'un des opérateurs = != < <= > >= ~ ou in, trouvé \"{1}\" (une valeur qui commence par l'un de ces signes se met entre guillemets : FIELD=\"=x\")",
    "people/{1} held no role that may approve payments ({2})":
      "people/{1} n'avait aucun rôle autorisé à approuver les paiements ({2})",
    "people/{1} held no role that may approve payments ({2}) on {3}":
      "people/{1} n'avait le {3} aucun rôle autorisé à approuver les paiements ({2})",
    "permission denied":
      "permission refusée",
    "record the approval first: --set approval.by=committee --set approval.date=YYYY-MM-DD":
      "enregistrez d'abord l'approbation : --set approval.by=committee --set approval.date=AAAA-MM-JJ",
    "record the hand-over instead (handovers: date and channel); keep the secret in a password manager":
      "enregistrez plutôt la remise (handovers : date et canal) ; gardez le secret dans un gestionnaire de mots de passe",
    "remove it; if it is not a secret, mark the field x-not-secret in the ledger's schema":
      "retirez-la ; si ce n'est pas un secret, marquez le champ x-not-secret dans le schéma du registre",
    "remove the \"id\" field; name the record with 'adminledger add {1} ID'":
      "retirez le champ \"id\" ; nommez la fiche avec 'adminledger add {1} ID'",
    "remove the field, or check its spelling against schemas/{1}.schema.json":
      "retirez le champ, ou vérifiez son orthographe dans schemas/{1}.schema.json",
    "remove the value; record the hand-over instead (handovers: date and channel); keep the secret in a password manager":
      "retirez la valeur ; enregistrez plutôt la remise (handovers : date et canal) ; gardez le secret dans un gestionnaire de mots de passe",
    "rename the file; ids look like hlefevre or 2026-11-27-k3f9q":
      "renommez le fichier ; un identifiant ressemble à hlefevre ou 2026-11-27-k3f9q",
    "restore it from history (git checkout HEAD~1 -- ledger.json)":
      "restaurez-le depuis l'historique (git checkout HEAD~1 -- ledger.json)",
    "revoke the right (--set status=revoked) when the account closes":
      "révoquez le droit (--set status=revoked) quand le compte ferme",
    "role \"{1}\" is not one that systems/{2} offers ({3})":
      "le rôle \"{1}\" n'est pas un de ceux que propose systems/{2} ({3})",
    "see schemas/ledger.schema.json for the settings' fields":
      "voir schemas/ledger.schema.json pour les champs des réglages",
    "see schemas/{1}.schema.json for what the field accepts":
      "voir schemas/{1}.schema.json pour ce que le champ accepte",
    "signing_keys/{1} is not an SSH public key: its base64 does not hold a key of the type it names":
      "signing_keys/{1} n'est pas une clé publique SSH : son base64 ne contient pas une clé du type qu'il annonce",
    "still refers to {1} (in {2}), which this change removes":
      "désigne encore {1} (dans {2}), que cette modification supprime",
    "string {1}":
      "le texte {1}",
    "the approval must come from someone holding one of those roles in ledger_roles":
      "l'approbation doit venir d'une personne ayant l'un de ces rôles dans ledger_roles",
    "the combination {1}":
      "la combinaison {1}",
    "the end after !FIELD":
      "la fin après !FIELD",
    "the entitlements of \"{1}\" name role \"{2}\", which systems/{3} does not offer ({4})":
      "les droits attendus de \"{1}\" nomment le rôle \"{2}\", que systems/{3} ne propose pas ({4})",
    "the entitlements of \"{1}\" name systems/{2}, which does not exist":
      "les droits attendus de \"{1}\" nomment systems/{2}, qui n'existe pas",
    "the file is {1}; a ledger file holds at most {2}":
      "le fichier fait {1} ; un fichier du registre fait au plus {2}",
    "the right ends ({1}) before it starts ({2})":
      "le droit se termine ({1}) avant de commencer ({2})",
    "the right is active on accounts/{1}, which is {2}":
      "le droit est actif sur accounts/{1}, dont le statut est {2}",
    "the schema's x-ref {1} names no kind of record":
      "le x-ref {1} du schéma ne nomme aucun type de fiche",
    "the ticket closes ({1}) before it opens ({2})":
      "le ticket est fermé ({1}) avant d'être ouvert ({2})",
    "the value":
      "la valeur",
    "the value holds {1} inside its text (after \"{2}\"); the ledger never holds one":
      "la valeur contient {1} dans son texte (après \"{2}\") ; le registre n'en contient jamais",
    "the value holds {1} inside its text; the ledger never holds one":
      "la valeur contient {1} dans son texte ; le registre n'en contient jamais",
    "the value looks like {1}; the ledger never holds one":
      "la valeur ressemble à {1} ; le registre n'en contient jamais",
    "unknown field \"{1}\"":
      "champ inconnu \"{1}\"",
    "use one of its roles, or add the role to systems/{1}":
      "utilisez l'un de ses rôles, ou ajoutez le rôle à systems/{1}",
    "use one of the listed values":
      "utilisez l'une des valeurs listées",
    "values after in":
      "des valeurs après in",
    "write a date as DD/MM/YYYY or YYYY-MM-DD, such as 06/12/2026 or 2026-12-06":
      "écrivez une date JJ/MM/AAAA ou AAAA-MM-JJ, comme 06/12/2026 ou 2026-12-06",
    "write it as 1234.50, or as 1 234,50 (a decimal comma, spaces between thousands, the currency sign may follow)":
      "écrivez-le 1234.50, ou 1 234,50 (virgule décimale, espaces entre les milliers, le symbole de la devise peut suivre)",
    "write it as YYYY-MM-DD, such as 2026-12-06, or set \"language\": \"fr\" in ledger.json to write days DD/MM/YYYY":
      "écrivez-la AAAA-MM-JJ, comme 2026-12-06, ou mettez \"language\": \"fr\" dans ledger.json pour écrire les jours JJ/MM/AAAA",
    "\"{1}\": cannot read \"{2}\" as a date: this ledger writes days YYYY-MM-DD":
      "\"{1}\" : impossible de lire \"{2}\" comme une date : ce registre écrit les jours AAAA-MM-JJ",
    "write it in international form, such as +33612345678":
      "écrivez-le sous forme internationale, comme +33612345678",
    "write it in international form, such as +33612345678, or in the national form of {1}, the ledger's country, such as {2}":
      "écrivez-le sous forme internationale, comme +33612345678, ou sous la forme nationale de {1}, le pays du registre, comme {2}",
    "write it in international form, such as +33612345678, or set \"country\" in ledger.json (such as FR)":
      "écrivez-le sous forme internationale, comme +33612345678, ou indiquez \"country\" dans ledger.json (par exemple FR)",
    "write it in international form, such as +33612345678: there is no national rule for {1}":
      "écrivez-le sous forme internationale, comme +33612345678 : il n'y a pas de règle nationale pour {1}",
    "write the value in the form the message names":
      "écrivez la valeur sous la forme que le message indique",
    "x-ref takes a kind: {1}":
      "x-ref prend un type de fiche : {1}",
    "{1} bytes":
      "{1} octets",
    "{1} cannot be checked against the pattern {2}: matching it backtracks beyond the step budget (a few million steps); simplify the pattern (no nested repetition)":
      "{1} ne peut pas être vérifié avec le motif {2} : la recherche dépasse le budget de pas (quelques millions) ; simplifiez le motif (pas de répétition imbriquée)",
    "{1} does not have the expected form ({2}), found \"{3}\"":
      "{1} n'a pas la forme attendue ({2}), trouvé \"{3}\"",
    "{1} does not have the expected form, found \"{2}\"":
      "{1} n'a pas la forme attendue, trouvé \"{2}\"",
    "{1} has a field name that is not allowed: \"{2}\"":
      "{1} a un nom de champ non admis : \"{2}\"",
    "{1} has an item that is not allowed: item {2}":
      "{1} a un élément non admis : l'élément {2}",
    "{1} has an unknown field \"{2}\"":
      "{1} a un champ inconnu \"{2}\"",
    "{1} is already used by {2}":
      "{1} est déjà utilisé par {2}",
    "{1} is missing required field \"{2}\"":
      "{1} : champ obligatoire \"{2}\" absent",
    "{1} is not allowed here":
      "{1} : valeur non admise ici",
    "{1} matches a form that is not allowed":
      "{1} correspond à une forme non admise",
    "{1} matches none of the {2} allowed forms":
      "{1} ne correspond à aucune des {2} formes admises",
    "{1} must be a multiple of {2}, found {3}":
      "{1} doit être un multiple de {2}, trouvé {3}",
    "{1} must be at least {2}, found {3}":
      "{1} doit valoir au moins {2}, trouvé {3}",
    "{1} must be at most {2}, found {3}":
      "{1} doit valoir au plus {2}, trouvé {3}",
    "{1} must be greater than {2}, found {3}":
      "{1} doit être supérieur à {2}, trouvé {3}",
    "{1} must be less than {2}, found {3}":
      "{1} doit être inférieur à {2}, trouvé {3}",
    "{1} must be one of {2}, found {3}":
      "{1} doit être l'une des valeurs {2}, trouvé {3}",
    "{1} must be {2}, found \"{3}\"":
      "{1} doit être {2}, trouvé \"{3}\"",
    "{1} must be {2}, found {3}":
      "{1} doit être {2}, trouvé {3}",
    "{1} must have \"{2}\" because it has \"{3}\"":
      "{1} doit avoir \"{2}\" puisqu'il a \"{3}\"",
    "{1} must have at least {2} character, found {3}":
      "{1} doit avoir au moins {2} caractère, trouvé {3}",
    "{1} must have at least {2} characters, found {3}":
      "{1} doit avoir au moins {2} caractères, trouvé {3}",
    "{1} must have at least {2} field, found {3}":
      "{1} doit avoir au moins {2} champ, trouvé {3}",
    "{1} must have at least {2} fields, found {3}":
      "{1} doit avoir au moins {2} champs, trouvé {3}",
    "{1} must have at least {2} item, found {3}":
      "{1} doit avoir au moins {2} élément, trouvé {3}",
    "{1} must have at least {2} items, found {3}":
      "{1} doit avoir au moins {2} éléments, trouvé {3}",
    "{1} must have at most {2} character, found {3}":
      "{1} doit avoir au plus {2} caractère, trouvé {3}",
    "{1} must have at most {2} characters, found {3}":
      "{1} doit avoir au plus {2} caractères, trouvé {3}",
    "{1} must have at most {2} field, found {3}":
      "{1} doit avoir au plus {2} champ, trouvé {3}",
    "{1} must have at most {2} fields, found {3}":
      "{1} doit avoir au plus {2} champs, trouvé {3}",
    "{1} must have at most {2} item, found {3}":
      "{1} doit avoir au plus {2} élément, trouvé {3}",
    "{1} must have at most {2} items, found {3}":
      "{1} doit avoir au plus {2} éléments, trouvé {3}",
    "{1} must hold at least {2} matching item, found {3}":
      "{1} doit contenir au moins {2} élément conforme, trouvé {3}",
    "{1} must hold at least {2} matching items, found {3}":
      "{1} doit contenir au moins {2} éléments conformes, trouvé {3}",
    "{1} must hold at most {2} matching item, found {3}":
      "{1} doit contenir au plus {2} élément conforme, trouvé {3}",
    "{1} must hold at most {2} matching items, found {3}":
      "{1} doit contenir au plus {2} éléments conformes, trouvé {3}",
    "{1} must match exactly one of {2} forms, matches {3}":
      "{1} doit correspondre à exactement une des {2} formes, en correspond à {3}",
    "{1} must not repeat items: items {2} and {3} are both {4}":
      "{1} ne doit pas répéter d'élément : les éléments {2} et {3} valent tous deux {4}",
    "{1}: the schema refers to itself without end":
      "{1} : le schéma renvoie à lui-même sans fin",
  ]
}

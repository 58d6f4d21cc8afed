extension French {
  /// What the core says outside validation: imports, system exports, hand edits, files that are no records.
  static let core: [String: String] = [
    "the row has no id and no record has its key":
      "la ligne n'a pas d'identifiant et aucune fiche n'a sa clé",
    "the file is empty; a JSON text needs a value such as {}":
      "le fichier est vide ; un texte JSON demande une valeur comme {}",
    "the file starts with a byte order mark; save it as UTF-8 without BOM":
      "le fichier commence par une marque d'ordre des octets ; enregistrez-le en UTF-8 sans BOM",
    "invalid UTF-8 byte; save the file as UTF-8":
      "octet UTF-8 invalide ; enregistrez le fichier en UTF-8",
    "unexpected end of input, expected {1}":
      "fin du texte inattendue, attendu {1}",
    "expected {1} but found {2}":
      "attendu {1} mais trouvé {2}",
    "invalid number {1}":
      "nombre invalide {1}",
    "invalid escape {1} in string":
      "échappement invalide {1} dans un texte",
    "control character in string; write it as an escape such as \\n":
      "caractère de contrôle dans un texte ; écrivez-le comme un échappement tel que \\n",
    "\\u escape is an unpaired UTF-16 surrogate":
      "l'échappement \\u est une moitié de paire UTF-16 isolée",
    "duplicate key \"{1}\" in object":
      "clé \"{1}\" en double dans un objet",
    "nesting deeper than {1} levels":
      "imbrication de plus de {1} niveaux",
    "unexpected {1} after the JSON value":
      "{1} inattendu après la valeur JSON",
    "a value":
      "une valeur",
    "a string key":
      "une clé entre guillemets",
    "an escape":
      "un échappement",
    "',' or '}'":
      "',' ou '}'",
    "',' or ']'":
      "',' ou ']'",
    "'\"' closing the string":
      "'\"' fermant le texte",
    "end of input":
      "la fin du texte",
    "a control character":
      "un caractère de contrôle",
    "cannot make a scratch folder: {1}":
      "impossible de créer un dossier de travail : {1}",
    "cannot write {1}":
      "impossible d'écrire {1}",
    "git's merge file is missing":
      "le fichier de fusion de git est absent",
    "\"{1}\" cannot be an id: {2}":
      "\"{1}\" ne peut pas être un identifiant : {2}",
    "\"{1}\" does not fit \"{2}\", which takes {3}":
      "\"{1}\" ne convient pas à \"{2}\", qui prend {3}",
    "\"{1}\" has no date (never logged in); {2} is left as it is":
      "\"{1}\" n'a pas de date (jamais connecté) ; {2} reste tel quel",
    "\"{1}\" is after today ({2})":
      "\"{1}\" est après aujourd'hui ({2})",
    "\"{1}\" is an organisation member (Nature {2}), not a person; it is left out":
      "\"{1}\" est une personne morale adhérente (Nature {2}), pas une personne ; la ligne est ignorée",
    "\"{1}\" is neither an organisation nor a person of the ledger":
      "\"{1}\" n'est ni une organisation ni une personne du registre",
    "\"{1}\" is not a date":
      "\"{1}\" n'est pas une date",
    "\"{1}\" is not a decision":
      "\"{1}\" n'est pas une décision",
    "\"{1}\" is not an account of {2} in the ledger; it is left out":
      "\"{1}\" n'est pas un compte de {2} dans le registre ; il est ignoré",
    "\"{1}\" is the host of no system's url ({2} certificate); left out":
      "\"{1}\" n'est l'hôte de l'url d'aucun système ({2} certificat) ; ignoré",
    "\"{1}\" is the host of no system's url ({2} certificates); left out":
      "\"{1}\" n'est l'hôte de l'url d'aucun système ({2} certificats) ; ignoré",
    "'adminledger list rights' shows them; export the review again if the file is old":
      "'adminledger list rights' les montre ; exportez de nouveau la revue si le fichier est ancien",
    "'adminledger list systems' shows them":
      "'adminledger list systems' les montre",
    "--role maps \"{1}\" to \"{2}\", which systems/{3} does not offer ({4})":
      "--role associe \"{1}\" à \"{2}\", que systems/{3} ne propose pas ({4})",
    "a NUL byte at column {1}; a CSV file holds text only":
      "un octet NUL à la colonne {1} ; un fichier CSV ne contient que du texte",
    "a file":
      "un fichier",
    "a folder":
      "un dossier",
    "a kind's folder holds only regular ID.json files":
      "le dossier d'un type de fiche ne contient que des fichiers ID.json ordinaires",
    "a kind's folder is a plain folder":
      "le dossier d'un type de fiche est un dossier ordinaire",
    "a kind's records live in a folder of that name":
      "les fiches d'un type vivent dans un dossier de ce nom",
    "a last-login file does not say which system it comes from":
      "un fichier de dernières connexions ne dit pas de quel système il vient",
    "a quoted cell is never closed":
      "une cellule entre guillemets n'est jamais fermée",
    "a submodule":
      "un sous-module",
    "a symbolic link":
      "un lien symbolique",
    "a user without identifiant cannot log in; the row is left out":
      "un utilisateur sans identifiant ne peut pas se connecter ; la ligne est ignorée",
    "add a name for that column to the header, or remove the value (a comma inside a value needs quotes)":
      "ajoutez un nom pour cette colonne dans l'en-tête, ou retirez la valeur (une virgule dans une valeur demande des guillemets)",
    "add an id column for new records":
      "ajoutez une colonne id pour les nouvelles fiches",
    "add an id column, or map one with --map 'COLUMN=id'":
      "ajoutez une colonne id, ou associez-en une avec --map 'COLUMN=id'",
    "add it, or give the existing one an alias (aliases: [\"{1}\"])":
      "ajoutez-la, ou donnez un alias à celle qui existe (aliases: [\"{1}\"])",
    "add the account (adminledger add accounts --set system={1} --set login={2} ...) if it is a person's":
      "ajoutez le compte (adminledger add accounts --set system={1} --set login={2} ...) s'il est celui d'une personne",
    "add the person first (adminledger add people ID --set name=...)":
      "ajoutez d'abord la personne (adminledger add people ID --set name=...)",
    "add the person first (adminledger add people ID{1}{2}), then run report drift again":
      "ajoutez d'abord la personne (adminledger add people ID{1}{2}), puis relancez report drift",
    "add the person with organization={1}, or fix the row":
      "ajoutez la personne avec organization={1}, ou corrigez la ligne",
    "an application is found by the system's id or name (code_application or nom_application)":
      "une application se retrouve par l'identifiant ou le nom du système (code_application ou nom_application)",
    "another row of the file also matches {1}":
      "une autre ligne du fichier correspond aussi à {1}",
    "ask {1} to remove it in a new commit and to change the secret (it is in the shared history), then sync again":
      "demandez à {1} de le retirer dans un nouveau commit et de changer le secret (il est dans l'historique partagé), puis synchronisez de nouveau",
    "cannot read the file: {1}":
      "impossible de lire le fichier : {1}",
    "cannot set {1} on {2}":
      "impossible de renseigner {1} sur {2}",
    "check the file and its columns":
      "vérifiez le fichier et ses colonnes",
    "check the file and the system's clock":
      "vérifiez le fichier et l'horloge du système",
    "check the file, or import with --profile generic and --map":
      "vérifiez le fichier, ou importez avec --profile generic et --map",
    "check the quotes on that line":
      "vérifiez les guillemets de cette ligne",
    "column \"{1}\" and another write the same field \"{2}\"":
      "la colonne \"{1}\" et une autre écrivent le même champ \"{2}\"",
    "column \"{1}\" holds a secret; the ledger never stores one":
      "la colonne \"{1}\" contient un secret ; le registre n'en stocke jamais",
    "column \"{1}\" is not a field of {2}; it is left out":
      "la colonne \"{1}\" n'est pas un champ de {2} ; elle est ignorée",
    "column {1} holds a value, but the header names only {2} columns":
      "la colonne {1} contient une valeur, mais l'en-tête ne nomme que {2} colonnes",
    "columns: {1}; or name it with --map 'COLUMN=certificate_end'":
      "colonnes : {1} ; ou nommez-la avec --map 'COLUMN=certificate_end'",
    "columns: {1}; or name it with --map 'COLUMN=host'":
      "colonnes : {1} ; ou nommez-la avec --map 'COLUMN=host'",
    "columns: {1}; or name it with --map 'COLUMN={2}'":
      "colonnes : {1} ; ou nommez-la avec --map 'COLUMN={2}'",
    "export one with 'adminledger report review ORGANIZATION > review.csv'":
      "exportez-en une avec 'adminledger report review ORGANIZATION > review.csv'",
    "export the users of one site with their meta data (ledger/imports/README.md)":
      "exportez les utilisateurs d'un seul site avec leurs métadonnées (ledger/imports/README.md)",
    "export utilisateurs.v_roleslist_forall_applications with t_applications and t_profils (ledger/imports/README.md shows the query)":
      "exportez utilisateurs.v_roleslist_forall_applications avec t_applications et t_profils (ledger/imports/README.md donne la requête)",
    "fix the JSON at that spot; a record is one JSON object":
      "corrigez le JSON à cet endroit ; une fiche est un seul objet JSON",
    "give the system the id or name of one of them":
      "donnez au système l'identifiant ou le nom de l'une d'elles",
    "if the organisation runs it, add it (adminledger add systems ID --set url=https://{1} ...), or set that url on the system that answers there":
      "si l'organisation le gère, ajoutez-le (adminledger add systems ID --set url=https://{1} ...), ou mettez cette url sur le système qui y répond",
    "leave its decision empty, or check the \"{1}\" column":
      "laissez sa décision vide, ou vérifiez la colonne \"{1}\"",
    "leave its decision empty, or grant the right again with 'adminledger set {1} --set status=active'":
      "laissez sa décision vide, ou accordez de nouveau le droit avec 'adminledger set {1} --set status=active'",
    "make the names distinct, or import this session by hand":
      "distinguez les noms, ou importez cette séance à la main",
    "map it to one of those roles, or add the role to systems/{1}":
      "associez-le à l'un de ces rôles, ou ajoutez le rôle à systems/{1}",
    "map it with --map '{1}=FIELD'":
      "associez-la avec --map '{1}=FIELD'",
    "map it with --role '{1}=ROLE', or add the role to systems/{2}":
      "associez-le avec --role '{1}=ROLE', ou ajoutez le rôle à systems/{2}",
    "no application of the export is systems/{1}; it lists {2}":
      "aucune application de l'export n'est systems/{1} ; il liste {2}",
    "no certificate of the file names the host of a system's url: {1}":
      "aucun certificat du fichier ne nomme l'hôte de l'url d'un système : {1}",
    "no column \"{1}\" in the file":
      "pas de colonne \"{1}\" dans le fichier",
    "no date column: expected one named {1}":
      "pas de colonne de date : attendu une colonne nommée {1}",
    "no decision for rights/{1}: it is left as it is":
      "pas de décision pour rights/{1} : il reste tel quel",
    "no end date column: expected one named {1}":
      "pas de colonne de date de fin : attendu une colonne nommée {1}",
    "no host column: expected crt.sh's common_name and name_value, or one named {1}":
      "pas de colonne d'hôte : attendu common_name et name_value de crt.sh, ou une colonne nommée {1}",
    "no login column: expected one named {1}":
      "pas de colonne d'identifiant de connexion : attendu une colonne nommée {1}",
    "no organisation matches \"{1}\"":
      "aucune organisation ne correspond à \"{1}\"",
    "no person named {1} at {2}":
      "aucune personne nommée {1} chez {2}",
    "no person named {1} at {2}; found {3}":
      "aucune personne nommée {1} chez {2} ; trouvé {3}",
    "no person named {1} in the ledger":
      "aucune personne nommée {1} dans le registre",
    "no person of the ledger has an email of the account":
      "aucune personne du registre n'a l'adresse e-mail du compte",
    "no person of the ledger has the email {1}":
      "aucune personne du registre n'a l'adresse e-mail {1}",
    "no person of the ledger has the email {1}, and {2}":
      "aucune personne du registre n'a l'adresse e-mail {1}, et {2}",
    "no right \"{1}\" in the ledger":
      "pas de droit \"{1}\" dans le registre",
    "no row to import":
      "aucune ligne à importer",
    "no system \"{1}\" in the ledger":
      "pas de système \"{1}\" dans le registre",
    "pass --date-format DD/MM/YYYY for dates such as 12/05/2025":
      "passez --date-format DD/MM/YYYY pour des dates comme 12/05/2025",
    "pass --encoding latin1 for a file saved in ISO-8859-1":
      "passez --encoding latin1 pour un fichier enregistré en ISO-8859-1",
    "pass --system SYSTEM (the system's id, such as geonature)":
      "passez --system SYSTEM (l'identifiant du système, comme geonature)",
    "pass --update to bring the records the file lists in line with it":
      "passez --update pour aligner sur le fichier les fiches qu'il liste",
    "people/{1} appears twice in the file":
      "people/{1} apparaît deux fois dans le fichier",
    "put the file itself there, or remove it":
      "mettez-y le fichier lui-même, ou supprimez-le",
    "put the right's id in the \"{1}\" column, as the review report writes it":
      "mettez l'identifiant du droit dans la colonne \"{1}\", comme l'écrit le rapport de revue",
    "record it in organizations":
      "enregistrez-la dans organizations",
    "remove it with 'git rm {1}{2}' and commit":
      "supprimez-le avec 'git rm {1}{2}' puis commitez",
    "remove the NUL bytes; a file saved as UTF-16 must be saved again as UTF-8":
      "retirez les octets NUL ; un fichier enregistré en UTF-16 doit être réenregistré en UTF-8",
    "remove the column from the file (and the file from where it is shared); record the hand-over instead (handovers: date and channel); keep the secret in a password manager":
      "retirez la colonne du fichier (et le fichier de là où il est partagé) ; enregistrez plutôt la remise (handovers : date et canal) ; gardez le secret dans un gestionnaire de mots de passe",
    "rename or remove one of the two columns":
      "renommez ou supprimez l'une des deux colonnes",
    "rights/{1} appears twice in the file (first on line {2})":
      "rights/{1} apparaît deux fois dans le fichier (d'abord à la ligne {2})",
    "rights/{1} is kept: the reason column is for revocations, so its text is not imported":
      "rights/{1} est gardé : la colonne du motif sert aux retraits, son texte n'est donc pas importé",
    "several applications of the export could be systems/{1}: {2}":
      "plusieurs applications de l'export pourraient être systems/{1} : {2}",
    "several role columns ({1}): the export holds several sites":
      "plusieurs colonnes de rôles ({1}) : l'export contient plusieurs sites",
    "the WordPress user export holds no roles: no column \"wp_capabilities\" or \"roles\"":
      "l'export des utilisateurs WordPress ne contient aucun rôle : pas de colonne \"wp_capabilities\" ni \"roles\"",
    "the column \"{1}\" is named twice (columns {2} and {3}); which one holds the value is unclear":
      "la colonne \"{1}\" est nommée deux fois (colonnes {2} et {3}) ; on ne sait pas laquelle porte la valeur",
    "the file is empty":
      "le fichier est vide",
    "the file is not UTF-8":
      "le fichier n'est pas en UTF-8",
    "the ledger's schemas are regular files":
      "les schémas du registre sont des fichiers ordinaires",
    "the row has no end date; it is left out":
      "la ligne n'a pas de date de fin ; elle est ignorée",
    "the row has no host name; it is left out":
      "la ligne n'a pas de nom d'hôte ; elle est ignorée",
    "the row has no id and no record has its {1}":
      "la ligne n'a pas d'identifiant et aucune fiche n'a son {1}",
    "the row has no id; {1} are named by an id column":
      "la ligne n'a pas d'identifiant ; les fiches de {1} sont nommées par une colonne id",
    "the row matches several records: {1}":
      "la ligne correspond à plusieurs fiches : {1}",
    "the row names no right":
      "la ligne ne nomme aucun droit",
    "the systems' hosts: {1}":
      "les hôtes des systèmes : {1}",
    "this is not a Dolibarr member export: no column {1}":
      "ce n'est pas un export des adhérents Dolibarr : pas de colonne {1}",
    "this is not a UsersHub export of users and their profiles: no column {1}":
      "ce n'est pas un export UsersHub des utilisateurs et de leurs profils : pas de colonne {1}",
    "this is not a WordPress user export: no column \"user_login\"":
      "ce n'est pas un export des utilisateurs WordPress : pas de colonne \"user_login\"",
    "this is not a training follow-up sheet: no column {1}":
      "ce n'est pas un tableau de suivi des formations : pas de colonne {1}",
    "this is not an access review: no column {1}":
      "ce n'est pas une revue des accès : pas de colonne {1}",
    "write YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or DD/MM/YYYY, or pass --date-format":
      "écrivez AAAA-MM-JJ, AAAA-MM-JJ HH:MM:SS ou JJ/MM/AAAA, ou passez --date-format",
    "write YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS (as crt.sh does), DD/MM/YYYY or 'Dec 31 23:59:59 2026 GMT', or pass --date-format":
      "écrivez AAAA-MM-JJ, AAAA-MM-JJTHH:MM:SS (comme crt.sh), JJ/MM/AAAA ou 'Dec 31 23:59:59 2026 GMT', ou passez --date-format",
    "write keep or revoke (garder or retirer), or leave it empty to decide later":
      "écrivez garder ou retirer (keep ou revoke), ou laissez vide pour décider plus tard",
    "write the reviewing organisation's id, or the id of the person who reviewed":
      "écrivez l'identifiant de l'organisation qui fait la revue, ou celui de la personne qui l'a faite",
    "{1} (brought by the incoming commit {2}, by {3}; nothing was merged)":
      "{1} (apporté par le commit entrant {2}, de {3} ; rien n'a été fusionné)",
    "{1} (no organisation)":
      "{1} (sans organisation)",
    "{1} already exists":
      "{1} existe déjà",
    "{1} at {2} is ambiguous: {3}":
      "{1} chez {2} est ambigu : {3}",
    "{1} has \"{2}\", which is not a role of systems/{3} ({4})":
      "{1} a \"{2}\", qui n'est pas un rôle de systems/{3} ({4})",
    "{1} have no field \"{2}\"":
      "les fiches de {1} n'ont pas de champ \"{2}\"",
    "{1} is a symbolic link; the ledger commits only regular files and never follows a link":
      "{1} est un lien symbolique ; le registre ne commite que des fichiers ordinaires et ne suit jamais un lien",
    "{1} is ambiguous: {2}":
      "{1} est ambigu : {2}",
    "{1} is disabled in UsersHub; it counts as not on the system":
      "{1} est désactivé dans UsersHub ; il compte comme absent du système",
    "{1} is neither held nor validated by people of {2}, so {3}'s review cannot decide on it":
      "{1} n'est ni détenu ni validé par des personnes de {2}, la revue de {3} ne peut donc pas en décider",
    "{1} is not a regular file; the ledger commits only regular files and never follows a link":
      "{1} n'est pas un fichier ordinaire ; le registre ne commite que des fichiers ordinaires et ne suit jamais un lien",
    "{1} is {2}, not active: a review keeps only active rights":
      "{1} est {2}, pas actif : une revue ne garde que des droits actifs",
    "{1} is {2}; {3}":
      "{1} est {2} ; {3}",
    "{1} is {2}; {3}, and the ledger never follows a link":
      "{1} est {2} ; {3}, et le registre ne suit jamais un lien",
    "{1}/{2} appears twice in the file":
      "{1}/{2} apparaît deux fois dans le fichier",
  ]
}

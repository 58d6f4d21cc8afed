// The commands' own words: their usage errors and hints, and what they print themselves
// (import, init --from, the progress line, days given to --at).
extension French {
  static let common: [String: String] = [
    // MARK: - Arguments and usage errors
    "--deputy names the person leaving": "--deputy désigne la personne qui part",
    "--dry-run shows what --update would change: pass both":
      "--dry-run montre ce que --update changerait : passez les deux",
    "--limit takes a number, not '{1}'": "--limit prend un nombre, pas '{1}'",
    "--match finds the records to update: pass it with --update":
      "--match trouve les fiches à mettre à jour : passez-le avec --update",
    "--match takes a field, not '{1}'": "--match prend un champ, pas '{1}'",
    "--missing changes the records the file no longer lists: pass it with --update":
      "--missing change les fiches que le fichier ne liste plus : passez-le avec --update",
    "--set needs the FIELD it sets": "--set a besoin du FIELD qu'il change",
    "--signed-from must be a day (YYYY-MM-DD) or a full commit id, got \"{1}\"":
      "--signed-from doit être un jour (AAAA-MM-JJ) ou l'identifiant complet d'un commit, reçu \"{1}\"",
    "--signing-key names no readable key file: {1}": "--signing-key ne désigne aucun fichier de clé lisible : {1}",
    "--status takes {1}, not '{2}'": "--status prend {1}, pas '{2}'",
    "--update prints text or json, not csv": "--update écrit du texte ou du json, pas du csv",
    "a commit needs a message": "un commit a besoin d'un message",
    "a leaver's member_status says they left; active and honorary members are not leaving":
      "le member_status d'une personne qui part dit qu'elle est partie ; les membres actifs et d'honneur ne partent pas",
    "a record is a JSON object, found {1}": "une fiche est un objet JSON, trouvé : {1}",
    "cannot read the duration '{1}'": "durée illisible : '{1}'",
    "did you mean '{1}'? profiles: {2}": "vouliez-vous dire '{1}' ? profils : {2}",
    "expected --missing FIELD=VALUE, got '{1}'": "attendu --missing FIELD=VALUE, reçu '{1}'",
    "expected --role NAME=ROLE, got '{1}'": "attendu --role NAME=ROLE, reçu '{1}'",
    "expected A..B, such as HEAD~3..HEAD or 2026-01-01..2026-06-30":
      "attendu A..B, par exemple HEAD~3..HEAD ou 2026-01-01..2026-06-30",
    "expected COLUMN=FIELD, got '{1}'": "attendu COLUMN=FIELD, reçu '{1}'",
    "for example --function delegate": "par exemple --function delegate",
    "for example --missing member_status=resigned": "par exemple --missing member_status=resigned",
    "for example --role 'Référent=user-admin'": "par exemple --role 'Référent=user-admin'",
    "for example --signed-from 2026-12-06": "par exemple --signed-from 2026-12-06",
    "for example: adminledger resolve {1} --theirs": "par exemple : adminledger resolve {1} --theirs",
    "give --continue or --abort, not both": "donnez --continue ou --abort, pas les deux",
    "give --set FIELD=VALUE or --unset FIELD": "donnez --set FIELD=VALUE ou --unset FIELD",
    "give a RANGE or --since-last, not both": "donnez une RANGE ou --since-last, pas les deux",
    "give another PATH": "donnez un autre PATH",
    "give exactly one of --ours, --theirs or --set VALUE": "donnez un seul parmi --ours, --theirs ou --set VALUE",
    "give the private key ssh-keygen made (for example ~/.ssh/id_ed25519), or key::PUBLIC-KEY for a key ssh-agent holds":
      "donnez la clé privée créée par ssh-keygen (par exemple ~/.ssh/id_ed25519), ou key::PUBLIC-KEY pour une clé que détient ssh-agent",
    "invalid currency '{1}'": "devise invalide : '{1}'",
    "nothing to change": "rien à changer",
    "onboard needs at least one --function": "onboard a besoin d'au moins une --function",
    "profiles: {1}": "profils : {1}",
    "the {1} profile imports {2}, not {3}": "le profil {1} importe le type {2}, pas {3}",
    "unknown encoding '{1}'": "encodage inconnu : '{1}'",
    "unknown profile '{1}'": "profil inconnu : '{1}'",
    "unknown time zone '{1}'": "fuseau horaire inconnu : '{1}'",
    "use a three-letter code such as EUR": "utilisez un code de trois lettres, comme EUR",
    "use an IANA name such as Europe/Paris": "utilisez un nom IANA, comme Europe/Paris",
    "use auto, utf-8 or latin1": "utilisez auto, utf-8 ou latin1",
    "which schema? pass --schema SCHEMA.json": "quel schéma ? passez --schema SCHEMA.json",
    "which year? pass --year YYYY": "quelle année ? passez --year YYYY",
    "wrap the fields in { }": "entourez les champs de { }",
    "write 60d, 8w, 2m or 1y": "écrivez 60d, 8w, 2m ou 1y",
    "{1} already exists and is not empty": "{1} existe déjà et n'est pas vide",

    // MARK: - The author of a write
    "{1} must look like \"Name <email>\", got \"{2}\"": "{1} doit avoir la forme \"Nom <email>\", reçu \"{2}\"",
    "for example --author \"Claire Durand <claire.durand@example.org>\"":
      "par exemple --author \"Claire Durand <claire.durand@example.org>\"",
    "no author: the commit needs a name and an email": "pas d'auteur : le commit a besoin d'un nom et d'un email",
    "pass --author \"Name <email>\", set ADMINLEDGER_AUTHOR, or set git's user.name and user.email":
      "passez --author \"Nom <email>\", définissez ADMINLEDGER_AUTHOR, ou user.name et user.email dans la configuration de git",
    "pass -m \"what changed and why\"": "passez -m \"ce qui a changé et pourquoi\"",

    // MARK: - A folder of records made a ledger (init --from)
    "{1} holds a ledger.json but is not a git repository yet": "{1} contient un ledger.json mais n'est pas encore un dépôt git",
    "run 'adminledger init --from {1}' to make it a ledger: its records in one checked commit":
      "lancez 'adminledger init --from {1}' pour en faire un registre : ses fiches en un commit vérifié",
    "{1} already holds a ledger.json: --{2} is read from it": "{1} contient déjà un ledger.json : --{2} y est lu",
    "edit ledger.json, then run 'adminledger init --from {1}'": "modifiez ledger.json, puis lancez 'adminledger init --from {1}'",
    "{1} holds no ledger.json, so it is not a folder of records":
      "{1} ne contient pas de ledger.json : ce n'est pas un dossier de fiches",
    "give the folder that holds ledger.json and the kind folders (people/, accounts/...), such as a copy of ledger/association":
      "donnez le dossier qui contient ledger.json et les dossiers des types (people/, accounts/...), comme une copie de ledger/association",
    "{1} is already inside a git repository": "{1} est déjà dans un dépôt git",
    "copy it into a new ledger instead: adminledger init --from {1} NEW-FOLDER":
      "copiez-le plutôt dans un nouveau registre : adminledger init --from {1} NEW-FOLDER",
    "{1} is inside a git repository": "{1} est dans un dépôt git",
    "give a folder outside any repository: init --from makes a repository of its own":
      "donnez un dossier hors de tout dépôt : init --from crée son propre dépôt",
    "give a new folder": "donnez un nouveau dossier",
    "nothing was made: {1} is as it was": "rien n'a été créé : {1} est resté tel quel",
    "nothing was made: {1} was removed": "rien n'a été créé : {1} a été supprimé",
    "Created ledger \"{1}\" in {2}: {3} record, valid (commit {4})":
      "Registre \"{1}\" créé dans {2} : {3} fiche, valide (commit {4})",
    "Created ledger \"{1}\" in {2}: {3} records, all valid (commit {4})":
      "Registre \"{1}\" créé dans {2} : {3} fiches, toutes valides (commit {4})",
    "warning: the git hooks were not installed; run 'adminledger hook install'":
      "attention : les hooks git n'ont pas été installés ; lancez 'adminledger hook install'",

    // MARK: - Days and revisions (--at, --since, diff, audit)
    "'{1}' is not a day AdminLedger reads": "'{1}' n'est pas un jour qu'AdminLedger sait lire",
    "--{1} takes a day, not '{2}'": "--{1} prend un jour, pas '{2}'",
    "write the day as YYYY-MM-DD or DD/MM/YYYY, such as 2026-12-06 or 06/12/2026":
      "écrivez le jour AAAA-MM-JJ ou JJ/MM/AAAA, par exemple 2026-12-06 ou 06/12/2026",
    "write the day as YYYY-MM-DD, such as {1} for {2}": "écrivez le jour AAAA-MM-JJ, par exemple {1} pour le {2}",
    "write the day as YYYY-MM-DD, such as 2026-12-06": "écrivez le jour AAAA-MM-JJ, par exemple 2026-12-06",
    "no commit, branch or tag '{1}'": "aucun commit, branche ou tag '{1}'",
    "give a day as YYYY-MM-DD, or a commit that 'adminledger log' lists":
      "donnez un jour AAAA-MM-JJ, ou un commit que liste 'adminledger log'",

    // MARK: - Import
    "Reading {1} row of {2}...": "Lecture de {1} ligne de {2}...",
    "Reading {1} rows of {2}...": "Lecture de {1} lignes de {2}...",
    "Checking {1} row of {2}...": "Vérification de {1} ligne de {2}...",
    "Checking {1} rows of {2}...": "Vérification de {1} lignes de {2}...",
    "note: {1} row left out (run without --quiet to see it)":
      "note : {1} ligne laissée de côté (relancez sans --quiet pour la voir)",
    "note: {1} rows left out (run without --quiet to see them)":
      "note : {1} lignes laissées de côté (relancez sans --quiet pour les voir)",
    " (column \"{1}\")": " (colonne \"{1}\")",
    "hint: {1}": "conseil : {1}",

    // MARK: - Progress
    "{1}: {2} of {3}": "{1} : {2} sur {3}",
    "Auditing commits": "Audit des commits",
  ]
}

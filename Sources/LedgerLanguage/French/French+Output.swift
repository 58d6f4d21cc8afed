// The French of the command line's renderers: failures and their hints, diagnostics' frame, the
// audit's findings, and what the writing, merging, syncing and people commands print.
extension French {
  static let output: [String: String] = [
    "{1} file written anew; {2} kept from the previous site, unchanged.":
      "{1} fichier écrit à nouveau ; {2} repris du site précédent, inchangés.",
    "{1} files written anew; {2} kept from the previous site, unchanged.":
      "{1} fichiers écrits à nouveau ; {2} repris du site précédent, inchangés.",
    "Auditing the history since the last audit...":
      "Audit de l'historique depuis le dernier audit...",
    "Auditing the history...":
      "Audit de l'historique...",
    "the audit could not record the last commit it passed ({1}: {2}); the next --since-last audits it again":
      "l'audit n'a pas pu enregistrer le dernier commit validé ({1} : {2}) ; le prochain --since-last l'audite de nouveau",
    "Audit of {1} since {2}":
      "Audit de {1} depuis {2}",
    "Payment approvals:":
      "Approbations de paiements :",
    "{1} approved by people/{2} holding no role that may approve payments":
      "{1} approuvé par people/{2}, qui ne détient aucun rôle autorisé à approuver les paiements",
    "{1} approved by people/{2} as {3}":
      "{1} approuvé par people/{2} en tant que {3}",
    "No findings: every change was made by a known administrator within their roles.":
      "Aucun constat : chaque modification a été faite par un administrateur connu, dans le cadre de ses rôles.",
    "adminledger: {1} in {2}":
      "adminledger : {1} dans {2}",
    " (at {1})":
      " (à {1})",
    "warning: {1}":
      "attention : {1}",
    "note: {1}":
      "note : {1}",
    "adminledger: {1}, {2} in {3}":
      "adminledger : {1}, {2} dans {3}",
    "The last commit is valid: {1} record checked.":
      "Le dernier commit est valide : {1} fiche vérifiée.",
    "The last commit is valid: {1} records checked.":
      "Le dernier commit est valide : {1} fiches vérifiées.",
    "The ledger is valid: {1} record checked.":
      "Le registre est valide : {1} fiche vérifiée.",
    "The ledger is valid: {1} records checked.":
      "Le registre est valide : {1} fiches vérifiées.",
    "adminledger: {1} record file could not be read and was left out:":
      "adminledger : {1} fichier de fiche n'a pas pu être lu et a été laissé de côté :",
    "adminledger: {1} record files could not be read and were left out:":
      "adminledger : {1} fichiers de fiches n'ont pas pu être lus et ont été laissés de côté :",
    "{1} error":
      "{1} erreur",
    "{1} errors":
      "{1} erreurs",
    "{1} warning":
      "{1} avertissement",
    "{1} warnings":
      "{1} avertissements",
    "{1} file":
      "{1} fichier",
    "{1} files":
      "{1} fichiers",
    "{1} record":
      "{1} fiche",
    "{1} records":
      "{1} fiches",
    "{1} commit":
      "{1} commit",
    "{1} commits":
      "{1} commits",
    "{1} finding":
      "{1} constat",
    "{1} findings":
      "{1} constats",
    "{1} problem":
      "{1} problème",
    "{1} problems":
      "{1} problèmes",
    "{1} conflict":
      "{1} conflit",
    "{1} conflicts":
      "{1} conflits",
    "{1} open conflict":
      "{1} conflit ouvert",
    "{1} open conflicts":
      "{1} conflits ouverts",
    "{1} unpublished commit":
      "{1} commit non publié",
    "{1} unpublished commits":
      "{1} commits non publiés",
    "{1} pushed commit":
      "{1} commit poussé",
    "{1} pushed commits":
      "{1} commits poussés",
    "Drift of {1}: the ledger against {2}":
      "Écart de {1} : le registre comparé à {2}",
    "Summary":
      "Résumé",
    "no person of the ledger has this email or name":
      "aucune personne du registre n'a cet e-mail ou ce nom",
    "member {1} (paid until {2})":
      "membre {1} (cotisation payée jusqu'au {2})",
    "member {1}":
      "membre {1}",
    "the ledger's account is {1} (since {2})":
      "le compte du registre est {1} (depuis le {2})",
    "the ledger's account is {1}":
      "le compte du registre est {1}",
    "accounts and rights":
      "comptes et droits",
    "'adminledger report drift {1} {2} --update' brings the ledger in line, in one commit (--dry-run first shows it)":
      "'adminledger report drift {1} {2} --update' met le registre en accord, en un seul commit (--dry-run le montre d'abord)",
    "pass {1}":
      "passez {1}",
    "record why with --set reason=..., or give people/{1} a function that calls for it; 'adminledger report entitlements' lists such rights":
      "notez-en la raison avec --set reason=..., ou donnez à people/{1} une fonction qui l'appelle ; 'adminledger report entitlements' liste ces droits",
    "none recorded":
      "aucune enregistrée",
    "{1} gives {2} on {3} to {4}, which none of their functions ({5}) calls for; no function calls for it":
      "{1} donne {2} sur {3} à {4}, ce qu'aucune de ses fonctions ({5}) n'appelle ; aucune fonction ne l'appelle",
    "{1} gives {2} on {3} to {4}, which none of their functions ({5}) calls for; functions that would: {6}":
      "{1} donne {2} sur {3} à {4}, ce qu'aucune de ses fonctions ({5}) n'appelle ; fonctions qui l'appelleraient : {6}",
    "ledger.json declares no entitlements, so no function calls for any right":
      "ledger.json ne déclare aucune attribution (entitlements), donc aucune fonction n'appelle de droit",
    "add \"entitlements\": {\"FUNCTION\": [{\"role\": \"ROLE\", \"system\": \"SYSTEM\"}]} to ledger.json and run 'adminledger commit'":
      "ajoutez \"entitlements\": {\"FUNCTION\": [{\"role\": \"ROLE\", \"system\": \"SYSTEM\"}]} à ledger.json et lancez 'adminledger commit'",
    "no function calls for a role on systems/{1}: its rights are granted case by case and not judged here":
      "aucune fonction n'appelle de rôle sur systems/{1} : ses droits sont accordés au cas par cas et ne sont pas jugés ici",
    "the shared repository's hook judges every push with the ledger's policy; mend what it names (see 'adminledger audit'), then run 'adminledger sync' again":
      "le hook du dépôt partagé juge chaque push selon la politique du registre ; corrigez ce qu'il signale (voir 'adminledger audit'), puis relancez 'adminledger sync'",
    "{1} problem in {2}; nothing was imported":
      "{1} problème dans {2} ; rien n'a été importé",
    "{1} problems in {2}; nothing was imported":
      "{1} problèmes dans {2} ; rien n'a été importé",
    "fields: {1}":
      "champs : {1}",
    "did you mean '{1}'? fields: {2}":
      "vouliez-vous dire '{1}' ? champs : {2}",
    "commit them first with 'adminledger commit -m MESSAGE', or discard them with 'git checkout -- FILE'":
      "commitez-les d'abord avec 'adminledger commit -m MESSAGE', ou abandonnez-les avec 'git checkout -- FILE'",
    "run 'adminledger init' there, or pass --ledger <path>":
      "lancez 'adminledger init' dans ce dossier, ou passez --ledger <path>",
    "not a ledger: {1} has no ledger.json in it or above it":
      "pas un registre : {1} ne contient pas de ledger.json, ni lui ni ses dossiers parents",
    "not a ledger: {1} is not inside a git repository":
      "pas un registre : {1} n'est pas dans un dépôt git",
    "{1} already holds a ledger (ledger.json)":
      "{1} contient déjà un registre (ledger.json)",
    "use it as it is, or choose another folder":
      "utilisez-le tel quel, ou choisissez un autre dossier",
    "change it with 'adminledger set {1} --set FIELD=VALUE'":
      "modifiez-la avec 'adminledger set {1} --set FIELD=VALUE'",
    "adding to {1} needs an id: a {2}'s id is a name people choose":
      "ajouter une fiche à {1} demande un id : l'id d'une fiche {2} est un nom que l'on choisit",
    "run 'adminledger add {1} ID ...', for example 'adminledger add {2} {3}'":
      "lancez 'adminledger add {1} ID ...', par exemple 'adminledger add {2} {3}'",
    "no record {1}":
      "aucune fiche {1}",
    "run 'adminledger list {1}' to see the ids":
      "lancez 'adminledger list {1}' pour voir les id",
    "{1} has no field \"{2}\"":
      "{1} n'a pas de champ \"{2}\"",
    "run 'adminledger show {1}' to see its fields":
      "lancez 'adminledger show {1}' pour voir ses champs",
    "cannot set inside \"{1}\" of {2}: it holds a {3}, not an object":
      "impossible d'écrire dans \"{1}\" de {2} : il contient un {3}, pas un objet",
    "set \"{1}\" itself, or remove it first with --unset {2}":
      "donnez une valeur à \"{1}\" lui-même, ou retirez-le d'abord avec --unset {2}",
    "{1} records have no field \"{2}\"":
      "les fiches {1} n'ont pas de champ \"{2}\"",
    "field \"{1}\" of {2} takes {3}, not \"{4}\"":
      "le champ \"{1}\" de {2} prend {3}, pas \"{4}\"",
    "no commit on or before {1}: the ledger did not exist yet":
      "aucun commit le {1} ou avant : le registre n'existait pas encore",
    "give a later day":
      "donnez un jour plus tardif",
    "no commit '{1}'":
      "aucun commit '{1}'",
    "name a commit, branch or tag ('git log' lists them)":
      "nommez un commit, une branche ou un tag ('git log' les liste)",
    "HEAD is not on a branch, so there is no branch to write to":
      "HEAD n'est sur aucune branche, il n'y a donc pas de branche où écrire",
    "switch to the ledger's branch first (git switch main)":
      "passez d'abord sur la branche du registre (git switch main)",
    "uncommitted hand edits in {1}; nothing was written":
      "modifications à la main non commitées dans {1} ; rien n'a été écrit",
    "the branch kept moving under {1} attempts to write; nothing was written":
      "la branche a bougé pendant {1} tentatives d'écriture ; rien n'a été écrit",
    "try again":
      "réessayez",
    "internal error: the write changed nothing":
      "erreur interne : l'écriture n'a rien changé",
    "the incoming branch shares no history with this ledger: it is another repository's":
      "la branche entrante ne partage aucun historique avec ce registre : elle appartient à un autre dépôt",
    "check the remote's URL with 'git remote -v'":
      "vérifiez l'URL du dépôt distant avec 'git remote -v'",
    "a merge is in progress: the ledger's files are being merged":
      "une fusion est en cours : les fichiers du registre sont en train d'être fusionnés",
    "see it with 'adminledger conflicts', settle it with 'adminledger resolve', then 'adminledger sync --continue' (or 'adminledger sync --abort')":
      "voyez-la avec 'adminledger conflicts', réglez-la avec 'adminledger resolve', puis 'adminledger sync --continue' (ou 'adminledger sync --abort')",
    "no merge is in progress":
      "aucune fusion n'est en cours",
    "'adminledger sync' starts one when the remote has changes":
      "'adminledger sync' en démarre une quand le dépôt distant a des modifications",
    "{1} is not in conflict in this merge; nothing was changed (no field is in conflict)":
      "{1} n'est pas en conflit dans cette fusion ; rien n'a été modifié (aucun champ n'est en conflit)",
    "{1} is not in conflict in this merge; nothing was changed (in conflict: {2})":
      "{1} n'est pas en conflit dans cette fusion ; rien n'a été modifié (en conflit : {2})",
    "'adminledger conflicts' shows what is left to settle; a record the merge took cleanly is changed after the merge, with 'adminledger set'":
      "'adminledger conflicts' montre ce qu'il reste à régler ; une fiche que la fusion a prise sans conflit se modifie après la fusion, avec 'adminledger set'",
    "the merge would overwrite uncommitted hand edits in {1}; nothing was merged":
      "la fusion écraserait des modifications à la main non commitées dans {1} ; rien n'a été fusionné",
    "conflicts are still open in {1}; nothing was committed":
      "des conflits sont encore ouverts dans {1} ; rien n'a été commité",
    "see them with 'adminledger conflicts' and settle each with 'adminledger resolve KIND/ID [FIELD] --ours|--theirs|--set VALUE'":
      "voyez-les avec 'adminledger conflicts' et réglez chacun avec 'adminledger resolve KIND/ID [FIELD] --ours|--theirs|--set VALUE'",
    "this ledger has no remote to sync with":
      "ce registre n'a pas de dépôt distant avec lequel se synchroniser",
    "add the shared repository with 'git remote add origin URL', or start from 'adminledger clone URL'":
      "ajoutez le dépôt partagé avec 'git remote add origin URL', ou partez de 'adminledger clone URL'",
    "several remotes and none is 'origin' or this branch's upstream: {1}":
      "plusieurs dépôts distants, et aucun n'est 'origin' ni l'amont de cette branche : {1}",
    "name one: 'adminledger sync {1}'":
      "nommez-en un : 'adminledger sync {1}'",
    "no remote '{1}'":
      "aucun dépôt distant '{1}'",
    "{1} is not a bare repository: pushing into a repository with a work tree would leave its files out of step with its branch":
      "{1} n'est pas un dépôt nu : pousser dans un dépôt qui a une copie de travail laisserait ses fichiers en décalage avec sa branche",
    "share through a bare repository ('git init --bare PATH'), or sync with --no-push":
      "partagez via un dépôt nu ('git init --bare PATH'), ou synchronisez avec --no-push",
    "{1} does not hold this ledger (no ledger.json where this ledger keeps it)":
      "{1} ne contient pas ce registre (pas de ledger.json là où ce registre le garde)",
    "check the remote's URL with 'git remote -v' and the branch with 'git branch -vv'":
      "vérifiez l'URL du dépôt distant avec 'git remote -v' et la branche avec 'git branch -vv'",
    "staged changes (git add) in {1} would be swept into the merge; nothing was synced":
      "des modifications indexées (git add) dans {1} seraient emportées dans la fusion ; rien n'a été synchronisé",
    "commit them, or unstage them with 'git restore --staged FILE'":
      "commitez-les, ou désindexez-les avec 'git restore --staged FILE'",
    "the remote kept moving: {1} pushes in a row were refused because others pushed first; your commits are safe here":
      "le dépôt distant n'a pas cessé de bouger : {1} push de suite ont été refusés parce que d'autres ont poussé avant ; vos commits sont en sécurité ici",
    "run 'adminledger sync' again":
      "relancez 'adminledger sync'",
    "{1} ({2}) refused the push to {3} ({4}); your commits stay in this clone, and {5} there did not move":
      "{1} ({2}) a refusé le push vers {3} ({4}) ; vos commits restent dans cette copie, et {5} n'a pas bougé là-bas",
    "{1} ({2}) refused the push to {3} ({4}): {5}; your commits stay in this clone, and {6} there did not move":
      "{1} ({2}) a refusé le push vers {3} ({4}) : {5} ; vos commits restent dans cette copie, et {6} n'a pas bougé là-bas",
    "an adminledger command was interrupted before its files were all written; nothing was committed":
      "une commande adminledger a été interrompue avant d'avoir écrit tous ses fichiers ; rien n'a été commité",
    "run 'adminledger status', which finishes it, then commit again":
      "lancez 'adminledger status', qui la termine, puis commitez de nouveau",
    "another git program is working in this clone ({1} exists); nothing was changed":
      "un autre programme git travaille dans cette copie ({1} existe) ; rien n'a été modifié",
    "try again in a moment; if no git program is running, remove {1}":
      "réessayez dans un instant ; si aucun programme git ne tourne, supprimez {1}",
    "{1} holds no ledger (no ledger.json at its root); nothing was cloned":
      "{1} ne contient pas de registre (pas de ledger.json à sa racine) ; rien n'a été copié",
    "check the URL; to share a new ledger, push it there with 'git remote add origin URL' and 'adminledger sync'":
      "vérifiez l'URL ; pour partager un nouveau registre, poussez-le là avec 'git remote add origin URL' et 'adminledger sync'",
    "there is no repository at {1}":
      "il n'y a pas de dépôt à {1}",
    "cannot write {1}: cannot run the shared repository's pre-receive hook: {2}":
      "impossible d'écrire {1} : impossible de lancer le hook pre-receive du dépôt partagé : {2}",
    "cannot write {1}: {2}":
      "impossible d'écrire {1} : {2}",
    "(file system: {1})":
      "(système de fichiers : {1})",
    "the repository lacks an object its history names ({1})":
      "le dépôt n'a pas un objet que son historique nomme ({1})",
    "the clone is shallow or damaged: clone the ledger again":
      "la copie est superficielle ou abîmée : copiez de nouveau le registre (clone)",
    "add one with 'git remote add {1} URL'":
      "ajoutez-en un avec 'git remote add {1} URL'",
    "remotes: {1}":
      "dépôts distants : {1}",
    "did you mean '{1}'? remotes: {2}":
      "vouliez-vous dire '{1}' ? dépôts distants : {2}",
    "cannot read history":
      "impossible de lire l'historique",
    "cannot read HEAD":
      "impossible de lire HEAD",
    "cannot read commit {1}":
      "impossible de lire le commit {1}",
    "cannot read the signature of commit {1}":
      "impossible de lire la signature du commit {1}",
    "cannot read {1}":
      "impossible de lire {1}",
    "cannot list the branches":
      "impossible de lister les branches",
    "cannot read the remotes":
      "impossible de lire les dépôts distants",
    "cannot compare {1} with {2}":
      "impossible de comparer {1} avec {2}",
    "cannot read the objects of {1}":
      "impossible de lire les objets de {1}",
    "cannot find the ledger's first commit":
      "impossible de trouver le premier commit du registre",
    "cannot read the git configuration":
      "impossible de lire la configuration git",
    "cannot read core.hooksPath of {1}":
      "impossible de lire core.hooksPath de {1}",
    "cannot register the merge driver":
      "impossible d'enregistrer le pilote de fusion",
    "cannot record the ledger's branch in {1}":
      "impossible d'enregistrer la branche du registre dans {1}",
    "cannot configure commit signing":
      "impossible de configurer la signature des commits",
    "cannot read the work tree's status":
      "impossible de lire l'état de la copie de travail",
    "cannot read the index":
      "impossible de lire l'index",
    "cannot read the staged changes ({1})":
      "impossible de lire les modifications indexées ({1})",
    "cannot read the staged changes":
      "impossible de lire les modifications indexées",
    "cannot compare the work tree with HEAD":
      "impossible de comparer la copie de travail avec HEAD",
    "cannot update the index":
      "impossible de mettre à jour l'index",
    "cannot create a repository in {1}":
      "impossible de créer un dépôt dans {1}",
    "cannot write the commit":
      "impossible d'écrire le commit",
    "cannot write the signed commit":
      "impossible d'écrire le commit signé",
    "cannot rewrite the history without the person":
      "impossible de réécrire l'historique sans la personne",
    "cannot move {1}":
      "impossible de déplacer {1}",
    "cannot record the push":
      "impossible d'enregistrer le push",
    "cannot merge {1} into {2}":
      "impossible de fusionner {1} dans {2}",
    "cannot merge {1}":
      "impossible de fusionner {1}",
    "cannot read the merged files":
      "impossible de lire les fichiers fusionnés",
    "cannot read the merge in progress":
      "impossible de lire la fusion en cours",
    "cannot resolve {1}":
      "impossible de régler {1}",
    "cannot commit the merge":
      "impossible de commiter la fusion",
    "cannot abort the merge":
      "impossible d'abandonner la fusion",
    "cannot finish the interrupted update":
      "impossible de terminer la mise à jour interrompue",
    "cannot undo the interrupted merge":
      "impossible de défaire la fusion interrompue",
    "cannot drop the objects the history no longer reaches":
      "impossible de supprimer les objets que l'historique n'atteint plus",
    "cannot remove the caches built from the old history (.git/adminledger)":
      "impossible de supprimer les caches construits à partir de l'ancien historique (.git/adminledger)",
    "cannot clone ({1}): {2}":
      "impossible de copier ({1}) : {2}",
    "cannot fetch from {1} ({2}): {3}":
      "impossible de récupérer depuis {1} ({2}) : {3}",
    "cannot push to {1} ({2}): {3}":
      "impossible de pousser vers {1} ({2}) : {3}",
    "the ledger requires signed commits (policy.signed_commits_from: {1}) and git's configuration names no SSH signing key; nothing was written":
      "le registre exige des commits signés (policy.signed_commits_from : {1}) et la configuration de git ne nomme aucune clé de signature SSH ; rien n'a été écrit",
    "git config gpg.format ssh && git config user.signingkey ~/.ssh/id_ed25519 (a key your record lists under signing_keys)":
      "git config gpg.format ssh && git config user.signingkey ~/.ssh/id_ed25519 (une clé que votre fiche liste dans signing_keys)",
    "cannot sign or verify commits: {1} is not installed; nothing was written":
      "impossible de signer ou de vérifier des commits : {1} n'est pas installé ; rien n'a été écrit",
    "install OpenSSH's client (sudo apt-get install openssh-client), or set gpg.ssh.program":
      "installez le client OpenSSH (sudo apt-get install openssh-client), ou réglez gpg.ssh.program",
    "{1} could not sign or verify the commit: {2}; nothing was written":
      "{1} n'a pas pu signer ou vérifier le commit : {2} ; rien n'a été écrit",
    "check git's user.signingkey (a key file, or key::PUBLIC-KEY held by ssh-agent) and that the key has no passphrase or is in the agent":
      "vérifiez user.signingkey de git (un fichier de clé, ou key::PUBLIC-KEY détenue par ssh-agent) et que la clé n'a pas de phrase de passe ou qu'elle est dans l'agent",
    "cannot read the condition \"{1}\": expected {2} at column {3}":
      "impossible de lire la condition \"{1}\" à la colonne {3} : il faut {2}",
    "conditions look like status=active, end<2026-12-31, name~Hugo, status in active,validated, phone or !closed":
      "les conditions s'écrivent ainsi : status=active, end<2026-12-31, name~Hugo, status in active,validated, phone ou !closed",
    "{1} records have no field \"{2}\" (in \"{3}\")":
      "les fiches {1} n'ont pas de champ \"{2}\" (dans \"{3}\")",
    "cannot read \"{1}\": {2}":
      "impossible de lire \"{1}\" : {2}",
    "write fields separated by commas, such as name,-end":
      "écrivez des champs séparés par des virgules, par exemple name,-end",
    "the ssh server's host key is not one this machine knows (it is not in ~/.ssh/known_hosts, or another key is recorded there for that host)":
      "la clé d'hôte du serveur ssh n'est pas connue de cette machine (elle n'est pas dans ~/.ssh/known_hosts, ou une autre clé y est enregistrée pour cet hôte)",
    "if the server's administrator confirms the key's fingerprint, add it: 'ssh-keyscan {1} >> ~/.ssh/known_hosts' (or connect once with ssh); a host key that changed may also mean someone is in the way":
      "si l'administrateur du serveur confirme l'empreinte de la clé, ajoutez-la : 'ssh-keyscan {1} >> ~/.ssh/known_hosts' (ou connectez-vous une fois avec ssh) ; une clé d'hôte qui a changé peut aussi signifier que quelqu'un s'est interposé",
    "the ssh server accepted none of the keys offered":
      "le serveur ssh n'a accepté aucune des clés proposées",
    "load your key into the ssh agent (ssh-add), or keep it in ~/.ssh/id_ed25519 or ~/.ssh/id_rsa; ADMINLEDGER_SSH_PASSPHRASE unlocks it":
      "chargez votre clé dans l'agent ssh (ssh-add), ou gardez-la dans ~/.ssh/id_ed25519 ou ~/.ssh/id_rsa ; ADMINLEDGER_SSH_PASSPHRASE la déverrouille",
    "the https server asks for credentials and no token was given":
      "le serveur https demande des identifiants et aucun jeton n'a été donné",
    "the https server refused the token":
      "le serveur https a refusé le jeton",
    "set ADMINLEDGER_GIT_TOKEN to a valid access token of the git host (and ADMINLEDGER_GIT_USERNAME if it needs one)":
      "donnez à ADMINLEDGER_GIT_TOKEN un jeton d'accès valide de l'hébergeur git (et ADMINLEDGER_GIT_USERNAME s'il en faut un)",
    "a ledger's history is small; a pack this large holds files that are no ledger's (ask who pushed them). If the history really is that large, raise the limit: ADMINLEDGER_MAX_FETCH_MIB=1024 (0: no limit)":
      "l'historique d'un registre est petit ; un paquet aussi gros contient des fichiers qui ne sont pas ceux d'un registre (demandez qui les a poussés). Si l'historique est vraiment aussi gros, relevez la limite : ADMINLEDGER_MAX_FETCH_MIB=1024 (0 : pas de limite)",
    "check the URL and that the repository exists and is reachable (git remote -v lists the remotes)":
      "vérifiez l'URL, et que le dépôt existe et est joignable (git remote -v liste les dépôts distants)",
    "the certificate authorities file named for https cannot be used":
      "le fichier des autorités de certification désigné pour https est inutilisable",
    "check the file that git's http.sslCAInfo (or GIT_SSL_CAINFO) names: it must be readable and hold PEM certificates":
      "vérifiez le fichier que nomme http.sslCAInfo de git (ou GIT_SSL_CAINFO) : il doit être lisible et contenir des certificats PEM",
    "the https server's certificate has expired":
      "le certificat du serveur https a expiré",
    "the server's administrator must renew it (or this machine's clock is wrong); nothing was sent to the server":
      "l'administrateur du serveur doit le renouveler (ou l'horloge de cette machine est fausse) ; rien n'a été envoyé au serveur",
    "the https server's certificate is for another host name":
      "le certificat du serveur https est celui d'un autre nom d'hôte",
    "use the host name the certificate names in the URL (git remote set-url origin URL)":
      "utilisez dans l'URL le nom d'hôte que nomme le certificat (git remote set-url origin URL)",
    "'git config http.sslCAInfo /path/to/ca.pem' in the clone (or --global)":
      "'git config http.sslCAInfo /path/to/ca.pem' dans la copie (ou --global)",
    "the https server's certificate is not signed by an authority this machine trusts":
      "le certificat du serveur https n'est pas signé par une autorité à laquelle cette machine fait confiance",
    "for a server with a self-signed or private certificate, trust its authority: {1}, or GIT_SSL_CAINFO=/path/to/ca.pem":
      "pour un serveur au certificat auto-signé ou privé, faites confiance à son autorité : {1}, ou GIT_SSL_CAINFO=/path/to/ca.pem",
    "a boolean (true or false)":
      "un booléen (true ou false)",
    "a list (JSON array)":
      "une liste (tableau JSON)",
    "an object (JSON object)":
      "un objet (objet JSON)",
    "a {1}":
      "une valeur {1}",
    "{1} or {2}":
      "{1} ou {2}",
    "write true or false":
      "écrivez true ou false",
    "write a JSON array, such as '[\"a\",\"b\"]'":
      "écrivez un tableau JSON, par exemple '[\"a\",\"b\"]'",
    "write a JSON object, or set its fields one by one (field.sub=value)":
      "écrivez un objet JSON, ou donnez ses champs un par un (field.sub=value)",
    "write a number, such as 3 or 3.5":
      "écrivez un nombre, par exemple 3 ou 3.5",
    "the schema {1} is not valid JSON; no file was validated":
      "le schéma {1} n'est pas du JSON valide ; aucun fichier n'a été validé",
    "fix the JSON at that spot":
      "corrigez le JSON à cet endroit",
    "{1} is not a valid JSON Schema 2020-12; no file was validated":
      "{1} n'est pas un JSON Schema 2020-12 valide ; aucun fichier n'a été validé",
    "fix the schema at each spot named above":
      "corrigez le schéma à chaque endroit nommé ci-dessus",
    "run 'adminledger {1} --help' for details":
      "lancez 'adminledger {1} --help' pour les détails",
    "cannot read {1}: {2}":
      "impossible de lire {1} : {2}",
    "check the path":
      "vérifiez le chemin",
    "cannot read {1}: it is larger than {2}, the most adminledger reads from one file":
      "impossible de lire {1} : il dépasse {2}, le maximum qu'adminledger lit dans un fichier",
    "check that it is the file you meant; split a large import into several files":
      "vérifiez que c'est bien le fichier voulu ; découpez un gros import en plusieurs fichiers",
    "error:":
      "erreur :",
    "forget needs --reason TEXT: the request and its date, kept in the erasure record (for example --reason \"erasure request of 2026-12-01\")":
      "forget demande --reason TEXT : la demande et sa date, gardées dans la fiche d'effacement (par exemple --reason \"demande d'effacement du 2026-12-01\")",
    "forget takes a person (people/ID or ID), not {1}":
      "forget prend une personne (people/ID ou ID), pas {1}",
    "Would forget {1} as {2}: {3} commit rewritten (dry run, nothing changed)":
      "Oubli prévu de {1} sous le nom {2} : {3} commit réécrit (essai à blanc, rien n'a changé)",
    "Would forget {1} as {2}: {3} commits rewritten (dry run, nothing changed)":
      "Oubli prévu de {1} sous le nom {2} : {3} commits réécrits (essai à blanc, rien n'a changé)",
    "Would erase: {1}":
      "Champs à effacer : {1}",
    "Forgot {1}, now {2}: {3} commit rewritten (commit {4})":
      "Personne oubliée : {1}, désormais {2} : {3} commit réécrit (commit {4})",
    "Forgot {1}, now {2}: {3} commits rewritten (commit {4})":
      "Personne oubliée : {1}, désormais {2} : {3} commits réécrits (commit {4})",
    "Erased: {1}":
      "Champs effacés : {1}",
    "Erasure record: {1}":
      "Fiche d'effacement : {1}",
    "The former history's objects were dropped from this repository.":
      "Les objets de l'ancien historique ont été supprimés de ce dépôt.",
    "Next: 'adminledger sync' pushes the rewrite and drops the former history from this clone; each other clone's next sync follows it.":
      "Ensuite : 'adminledger sync' pousse la réécriture et supprime l'ancien historique de cette copie ; la prochaine synchronisation de chaque autre copie la suit.",
    "Rewrote {1} as {2} describes (a person forgotten); the shared repository judges it":
      "{1} réécrit comme le décrit {2} (une personne oubliée) ; le dépôt partagé en juge",
    "Followed {1}: {2}'s history was rewritten to forget a person; this clone had no unpublished commit":
      "{1} suivi : l'historique de {2} a été réécrit pour oublier une personne ; cette copie n'avait aucun commit non publié",
    "Followed {1}: {2}'s history was rewritten to forget a person; {3} unpublished commit of this clone rewritten onto it":
      "{1} suivi : l'historique de {2} a été réécrit pour oublier une personne ; {3} commit non publié de cette copie réécrit par-dessus",
    "Followed {1}: {2}'s history was rewritten to forget a person; {3} unpublished commits of this clone rewritten onto it":
      "{1} suivi : l'historique de {2} a été réécrit pour oublier une personne ; {3} commits non publiés de cette copie réécrits par-dessus",
    "Dropped the former history from this clone: {1} objects before, {2} now; reflogs and caches built from it removed":
      "Ancien historique supprimé de cette copie : {1} objets avant, {2} maintenant ; les reflogs et caches construits à partir de lui ont été supprimés",
    "the branch was rewritten by an erasure; dropped the former history: {1} objects before, {2} now":
      "la branche a été réécrite par un effacement ; ancien historique supprimé : {1} objets avant, {2} maintenant",
    "this clone is not in step with {1}/{2}: an erasure must rewrite exactly the history the shared repository holds":
      "cette copie n'est pas au même point que {1}/{2} : un effacement doit réécrire exactement l'historique que détient le dépôt partagé",
    "run 'adminledger sync' first, then forget again":
      "lancez d'abord 'adminledger sync', puis oubliez de nouveau",
    "no person of the ledger lists {1} in git_identities or emails: the erasure record names who erased":
      "aucune personne du registre ne liste {1} dans git_identities ou emails : la fiche d'effacement nomme qui a effacé",
    "forget as an administrator the ledger knows (--author, ADMINLEDGER_AUTHOR or git's user.email)":
      "oubliez en tant qu'administrateur connu du registre (--author, ADMINLEDGER_AUTHOR ou user.email de git)",
    "{1} received commits after the history {2} rewrote: pushing the rewrite would drop them":
      "{1} a reçu des commits après l'historique que {2} a réécrit : pousser la réécriture les supprimerait",
    "reset this clone to {1}'s branch (clone again), then forget the person again":
      "ramenez cette copie à la branche de {1} (copiez de nouveau), puis oubliez de nouveau la personne",
    "the remote's {1} forgets a person this clone's history does not hold, so its unpublished commits cannot follow the erasure":
      "{1} du dépôt distant oublie une personne que l'historique de cette copie ne contient pas, donc ses commits non publiés ne peuvent pas suivre l'effacement",
    "keep a copy of this clone's work ('adminledger diff' against the remote), clone the ledger again, and redo that work there":
      "gardez une copie du travail de cette copie ('adminledger diff' par rapport au dépôt distant), copiez de nouveau le registre et refaites ce travail là-bas",
    "No record differs between {1} and {2}.":
      "Aucune fiche ne diffère entre {1} et {2}.",
    "adminledger: the commit is refused; the staged ledger files have problems:":
      "adminledger : le commit est refusé ; les fichiers du registre indexés ont des problèmes :",
    "Committed .gitattributes (commit {1}): ledger files merge field by field":
      ".gitattributes commité (commit {1}) : les fichiers du registre se fusionnent champ par champ",
    "Installed {1}":
      "{1} installé",
    "{1} already exists and is not adminledger's; it was left alone":
      "{1} existe déjà et n'est pas celui d'adminledger ; il a été laissé tel quel",
    "add this line to it: exec \"{1}\" hook pre-commit --ledger .":
      "ajoutez-y cette ligne : exec \"{1}\" hook pre-commit --ledger .",
    "Installed {1}: pushes to {2} are audited, and refused when they break the ledger's policy":
      "{1} installé : les push vers {2} sont audités, et refusés quand ils enfreignent la politique du registre",
    "{1} does not exist yet: the push that creates it is audited in full":
      "{1} n'existe pas encore : le push qui la crée est audité en entier",
    "make it also run: exec \"{1}\" hook pre-receive (git gives it the pushed references on standard input; pass them on)":
      "faites-lui aussi lancer : exec \"{1}\" hook pre-receive (git lui donne les références poussées sur l'entrée standard ; transmettez-les)",
    "cannot tell where adminledger is installed":
      "impossible de savoir où adminledger est installé",
    "run the installed adminledger binary":
      "lancez le binaire adminledger installé",
    "unknown hook '{1}'":
      "hook inconnu '{1}'",
    "'hook install' installs a clone's hooks; 'hook install pre-receive --repo BARE_REPO' the shared repository's":
      "'hook install' installe les hooks d'une copie ; 'hook install pre-receive --repo BARE_REPO' ceux du dépôt partagé",
    "--{1} goes with 'hook install pre-receive'":
      "--{1} va avec 'hook install pre-receive'",
    "run 'adminledger hook install pre-receive --repo BARE_REPO'":
      "lancez 'adminledger hook install pre-receive --repo BARE_REPO'",
    "'hook install pre-receive' needs the shared repository":
      "'hook install pre-receive' demande le dépôt partagé",
    "--signing-key is for a clone: the shared repository signs nothing":
      "--signing-key est pour une copie : le dépôt partagé ne signe rien",
    "run 'adminledger hook install --signing-key KEY' in your clone":
      "lancez 'adminledger hook install --signing-key KEY' dans votre copie",
    "{1} holds no ledger the hook can guard: {2}; no hook was installed":
      "{1} ne contient aucun registre que le hook puisse garder : {2} ; aucun hook n'a été installé",
    "{1} has no branch {2} (its branches: {3}); no hook was installed":
      "{1} n'a pas de branche {2} (ses branches : {3}) ; aucun hook n'a été installé",
    "name the branch the clones push the ledger to with --branch BRANCH":
      "nommez la branche où les copies poussent le registre avec --branch BRANCH",
    "{1} holds no ledger on {2} (no ledger.json at the root of {3}); no hook was installed":
      "{1} ne contient pas de registre sur {2} (pas de ledger.json à la racine de {3}) ; aucun hook n'a été installé",
    "{1} is not a git repository":
      "{1} n'est pas un dépôt git",
    "name the shared bare repository the clones push to":
      "nommez le dépôt nu partagé vers lequel poussent les copies",
    "{1} is not a bare repository: the pre-receive hook belongs in the shared repository the clones push to":
      "{1} n'est pas un dépôt nu : le hook pre-receive va dans le dépôt partagé vers lequel poussent les copies",
    "in a clone, 'adminledger hook install' installs the clone's own hooks":
      "dans une copie, 'adminledger hook install' installe les hooks propres à la copie",
    "adminledger: the push is refused: it could not be checked":
      "adminledger : le push est refusé : il n'a pas pu être vérifié",
    "cannot read the pushed reference '{1}': expected 'OLD NEW REFNAME', as git gives its pre-receive hook":
      "impossible de lire la référence poussée '{1}' : 'OLD NEW REFNAME' attendu, comme git le donne à son hook pre-receive",
    "adminledger: {1}: {2} commit audited, no findings":
      "adminledger : {1} : {2} commit audité, aucun constat",
    "adminledger: {1}: {2} commits audited, no findings":
      "adminledger : {1} : {2} commits audités, aucun constat",
    "adminledger: the push is refused: cannot tell which branch holds the ledger: {1}; every push is refused until the hook is told":
      "adminledger : le push est refusé : impossible de savoir quelle branche contient le registre : {1} ; chaque push est refusé tant que le hook ne le sait pas",
    "adminledger: the push is refused: it deletes {1}, the ledger's branch":
      "adminledger : le push est refusé : il supprime {1}, la branche du registre",
    "the shared ledger's branch is never deleted":
      "la branche du registre partagé n'est jamais supprimée",
    "adminledger: the push is refused: it rewrites the ledger's branch {1} ({2} does not descend from {3}, the commit {4} points at: a force push of a rebased, amended or reset branch)":
      "adminledger : le push est refusé : il réécrit la branche du registre {1} ({2} ne descend pas de {3}, le commit où pointe {4} : un push forcé d'une branche rebasée, amendée ou réinitialisée)",
    "the shared history is never rewritten, except by an erasure ('adminledger forget', which describes the rewrite in an erasure record of this very branch); bring your clone up to date with 'adminledger sync' (or 'git pull'), undo a change with a new commit, and push again without --force":
      "l'historique partagé n'est jamais réécrit, sauf par un effacement ('adminledger forget', qui décrit la réécriture dans une fiche d'effacement de cette même branche) ; mettez votre copie à jour avec 'adminledger sync' (ou 'git pull'), annulez une modification par un nouveau commit, et poussez de nouveau sans --force",
    "adminledger: the push is refused: {1} has no ledger.json at its root, so {2} would no longer hold the ledger":
      "adminledger : le push est refusé : {1} n'a pas de ledger.json à sa racine, donc {2} ne contiendrait plus le registre",
    "push the ledger's own history to {1}":
      "poussez sur {1} l'historique propre au registre",
    "adminledger: commit {1} by {2} <{3}>:":
      "adminledger : commit {1} de {2} <{3}> :",
    "adminledger: the push to {1} is refused: {2} in {3}; {4} did not move":
      "adminledger : le push vers {1} est refusé : {2} dans {3} ; {4} n'a pas bougé",
    "'adminledger commit' commits them as you":
      "'adminledger commit' les commite en votre nom",
    "'git reset {1}' keeps them in your files, 'adminledger commit' commits them as you":
      "'git reset {1}' les garde dans vos fichiers, 'adminledger commit' les commite en votre nom",
    "'adminledger audit {1}' in your clone shows the same; the ledger takes only commits by a known administrator (a person holding a ledger role whose git_identities lists the commit's email and, where ledger.json requires signed commits, whose signing_keys hold the key that signed it), within that person's roles, that leave every record valid, and merges that only combine their sides: redo these changes that way ({2}), then push again":
      "'adminledger audit {1}' dans votre copie montre la même chose ; le registre n'accepte que les commits d'un administrateur connu (une personne détenant un rôle du registre dont git_identities liste l'e-mail du commit et, là où ledger.json exige des commits signés, dont signing_keys contient la clé qui l'a signé), dans le cadre des rôles de cette personne, qui laissent chaque fiche valide, et les fusions qui ne font que combiner leurs côtés : refaites ces modifications ainsi ({2}), puis poussez de nouveau",
    "it has no branch yet (HEAD names {1}), and the push creates no branch holding ledger.json at its root":
      "il n'a encore aucune branche (HEAD nomme {1}), et le push ne crée aucune branche ayant ledger.json à sa racine",
    "it has no branch yet (HEAD names {1})":
      "il n'a encore aucune branche (HEAD nomme {1})",
    "it has no branch yet, and the push creates no branch holding ledger.json at its root":
      "il n'a encore aucune branche, et le push ne crée aucune branche ayant ledger.json à sa racine",
    "it has no branch yet":
      "il n'a encore aucune branche",
    "no branch holds ledger.json at its root (branches: {1})":
      "aucune branche n'a ledger.json à sa racine (branches : {1})",
    "several branches hold ledger.json at their root ({1}), and HEAD names no branch":
      "plusieurs branches ont ledger.json à leur racine ({1}), et HEAD ne nomme aucune branche",
    "several branches hold ledger.json at their root ({1}), and HEAD names {2}, which does not hold one":
      "plusieurs branches ont ledger.json à leur racine ({1}), et HEAD nomme {2}, qui n'en a pas",
    "push the ledger there first ('git remote add origin URL' and 'adminledger sync' in a clone), then install the hook; or name the branch the ledger will be pushed to: {1}":
      "poussez d'abord le registre là-bas ('git remote add origin URL' et 'adminledger sync' dans une copie), puis installez le hook ; ou nommez la branche où le registre sera poussé : {1}",
    "name the ledger's branch: {1}":
      "nommez la branche du registre : {1}",
    "tell the hook which branch holds the ledger: on the server, {1} (or 'git config adminledger.branch BRANCH' in the shared repository), or add '--branch BRANCH' to the hook's 'adminledger hook pre-receive' line":
      "indiquez au hook quelle branche contient le registre : sur le serveur, {1} (ou 'git config adminledger.branch BRANCH' dans le dépôt partagé), ou ajoutez '--branch BRANCH' à la ligne 'adminledger hook pre-receive' du hook",
    "Ends: {1}":
      "Fin : {1}",
    "Ends: {1} – {2}":
      "Fin : {1} – {2}",
    "Record: {1}\nField: {2}\nState: {3}":
      "Fiche : {1}\nChamp : {2}\nÉtat : {3}",
    "run 'adminledger hook install', then 'git checkout -m {1}' to merge it again field by field":
      "lancez 'adminledger hook install', puis 'git checkout -m {1}' pour la fusionner de nouveau champ par champ",
    "git merges this clone's records line by line: .gitattributes names the merge driver 'adminledger' but this clone's git configuration does not register it (a plain 'git clone')":
      "git fusionne les fiches de cette copie ligne par ligne : .gitattributes nomme le pilote de fusion 'adminledger' mais la configuration git de cette copie ne l'enregistre pas (un simple 'git clone')",
    "run 'adminledger hook install' once, before the next 'git pull' or 'git merge'":
      "lancez une fois 'adminledger hook install', avant le prochain 'git pull' ou 'git merge'",
    "{1} holds git's conflict markers: git merged it line by line, not field by field":
      "{1} contient des marqueurs de conflit de git : git l'a fusionné ligne par ligne, pas champ par champ",
    "run 'git checkout -m {1}' to merge it again field by field":
      "lancez 'git checkout -m {1}' pour le fusionner de nouveau champ par champ",
    "Merging {1} ({2}) into this clone ({3}): {4}, {5}":
      "Fusion de {1} ({2}) dans cette copie ({3}) : {4}, {5}",
    "(the file conflicts line by line; git's markers are in it)":
      "(le fichier est en conflit ligne par ligne ; les marqueurs de git y sont)",
    "Findings of the merged ledger (rules the combination breaks):":
      "Constats du registre fusionné (règles que la combinaison enfreint) :",
    "git merged {1} line by line (its conflict markers are in it): {2}; do not take a side with 'resolve --ours/--theirs', which drops the other side's changes":
      "git a fusionné {1} ligne par ligne (ses marqueurs de conflit y sont) : {2} ; ne prenez pas un côté avec 'resolve --ours/--theirs', qui supprime les modifications de l'autre côté",
    "settle each conflict, for example 'adminledger resolve {1} --ours' (or --theirs, or --set VALUE), then 'adminledger sync --continue'; 'adminledger sync --abort' goes back":
      "réglez chaque conflit, par exemple 'adminledger resolve {1} --ours' (ou --theirs, ou --set VALUE), puis 'adminledger sync --continue' ; 'adminledger sync --abort' revient en arrière",
    "fix the records with 'adminledger resolve KIND/ID FIELD --set VALUE' (or --ours/--theirs), then 'adminledger sync --continue'":
      "corrigez les fiches avec 'adminledger resolve KIND/ID FIELD --set VALUE' (ou --ours/--theirs), puis 'adminledger sync --continue'",
    "everything is settled: run 'adminledger sync --continue' to commit the merge":
      "tout est réglé : lancez 'adminledger sync --continue' pour commiter la fusion",
    "No merge in progress.":
      "Aucune fusion en cours.",
    "adminledger: the merge stopped; nothing was committed or pushed":
      "adminledger : la fusion s'est arrêtée ; rien n'a été commité ni poussé",
    "Committed the merge (commit {1})":
      "Fusion commitée (commit {1})",
    "Merge aborted: the branch, the files and the index are as before the sync.":
      "Fusion abandonnée : la branche, les fichiers et l'index sont comme avant la synchronisation.",
    "Resolved {1}: the record is settled.":
      "{1} réglé : la fiche est réglée.",
    "Resolved {1}; still open in {2}: {3}":
      "{1} réglé ; encore ouvert dans {2} : {3}",
    "'adminledger conflicts' shows what is left; 'adminledger sync --continue' commits the merge":
      "'adminledger conflicts' montre ce qui reste ; 'adminledger sync --continue' commite la fusion",
    "A merge is in progress: {1} ({2}) into this clone, {3}, {4}.":
      "Une fusion est en cours : {1} ({2}) dans cette copie, {3}, {4}.",
    "A merge is in progress ({1}): {2} and {3} in the files it will commit; the last commit was checked below.":
      "Une fusion est en cours ({1}) : {2} et {3} dans les fichiers qu'elle commitera ; le dernier commit a été vérifié ci-dessous.",
    "(absent)":
      "(absent)",
    "no conflict":
      "aucun conflit",
    "Nothing to change: {1} holds nothing the ledger would end on {2}; no commit.":
      "Rien à changer : {1} ne détient rien que le registre terminerait le {2} ; aucun commit.",
    "Offboarded {1} on {2}: {3} record changed (commit {4})":
      "Départ de {1} le {2} : {3} fiche modifiée (commit {4})",
    "Offboarded {1} on {2}: {3} records changed (commit {4})":
      "Départ de {1} le {2} : {3} fiches modifiées (commit {4})",
    "Would offboard {1} on {2}: {3} record to change (dry run: nothing committed)":
      "Départ prévu de {1} le {2} : {3} fiche à modifier (essai à blanc : rien n'a été commité)",
    "Would offboard {1} on {2}: {3} records to change (dry run: nothing committed)":
      "Départ prévu de {1} le {2} : {3} fiches à modifier (essai à blanc : rien n'a été commité)",
    "Deputy taking over: people/{1}":
      "Suppléant qui prend le relais : people/{1}",
    "In the ledger":
      "Dans le registre",
    "Changes":
      "Modifications",
    "To decide":
      "À décider",
    "By hand, in each system":
      "À la main, dans chaque système",
    "member_status: {1} (was not set)":
      "member_status : {1} (n'était pas renseigné)",
    "functions ended: {1}":
      "fonctions terminées : {1}",
    "ledger role {1} held until {2}":
      "rôle du registre {1} détenu jusqu'au {2}",
    "signing key valid until {1}":
      "clé de signature valide jusqu'au {1}",
    "{1} signing keys valid until {2}":
      "{1} clés de signature valides jusqu'au {2}",
    "accounts/{1} on {2} (login {3}) closed":
      "accounts/{1} sur {2} (identifiant {3}) fermé",
    "accounts/{1} on {2} closed":
      "accounts/{1} sur {2} fermé",
    "accounts/{1} on {2}: mailbox {3} suspended, its mail redirected to {4}":
      "accounts/{1} sur {2} : boîte {3} suspendue, son courrier redirigé vers {4}",
    "accounts/{1}: {2} taken off the lists {3}":
      "accounts/{1} : {2} retiré des listes {3}",
    "rights/{1}: {2} on {3} revoked (was {4}; accounts/{5})":
      "rights/{1} : {2} sur {3} révoqué (était {4} ; accounts/{5})",
    "duties/{1} handed to people/{2}":
      "duties/{1} transmise à people/{2}",
    "duties/{1} left to {2}":
      "duties/{1} laissée à {2}",
    "duties/{1}: no longer its deputy":
      "duties/{1} : n'en est plus le suppléant",
    "duties/{1}: no longer one of its actors":
      "duties/{1} : n'est plus l'un de ses acteurs",
    "organizations/{1}: no longer one of its contacts":
      "organizations/{1} : n'est plus l'un de ses contacts",
    "systems/{1}: now answered for by people/{2}":
      "systems/{1} : désormais sous la responsabilité de people/{2}",
    "duties/{1}: nobody to hand it to (no deputy); name someone with 'adminledger set duties/{2} --set responsible=[...]'":
      "duties/{1} : personne à qui la transmettre (pas de suppléant) ; nommez quelqu'un avec 'adminledger set duties/{2} --set responsible=[...]'",
    "duties/{1} has no deputy now; name one with 'adminledger set duties/{2} --set deputy=ID'":
      "duties/{1} n'a plus de suppléant ; nommez-en un avec 'adminledger set duties/{2} --set deputy=ID'",
    "organizations/{1} has no contact left; add one with 'adminledger set organizations/{2} --set contacts=[...]'":
      "organizations/{1} n'a plus de contact ; ajoutez-en un avec 'adminledger set organizations/{2} --set contacts=[...]'",
    "systems/{1} is still answered for by the leaver; name someone with 'adminledger set systems/{2} --set responsible=ID'":
      "systems/{1} est encore sous la responsabilité de la personne qui part ; nommez quelqu'un avec 'adminledger set systems/{2} --set responsible=ID'",
    "accounts/{1}: {2} redirects a leaver's mailbox, but there is no deputy and no on_leave.redirect_to: closed instead":
      "accounts/{1} : {2} redirige la boîte d'une personne qui part, mais il n'y a ni suppléant ni on_leave.redirect_to : fermé à la place",
    "ending ledger roles or signing keys changes the policy: the commit's author must hold a role that may change it (change_policy in ledger.json), or the audit and the shared repository's hook refuse it":
      "terminer des rôles du registre ou des clés de signature change la politique : l'auteur du commit doit détenir un rôle qui peut la changer (change_policy dans ledger.json), sinon l'audit et le hook du dépôt partagé le refusent",
    "(nothing: no open account)":
      "(rien : aucun compte ouvert)",
    "Then 'adminledger report drift SYSTEM EXPORT' on a system's export of its users confirms it: nothing left about them.":
      "Ensuite, 'adminledger report drift SYSTEM EXPORT' sur l'export des utilisateurs d'un système le confirme : plus rien à leur sujet.",
    "login {1}":
      "identifiant {1}",
    "the account":
      "le compte",
    "{1} (accounts/{2}): delete or disable it":
      "{1} (accounts/{2}) : le supprimer ou le désactiver",
    "{1} (accounts/{2}): stop its logins, forward its mail to {3}":
      "{1} (accounts/{2}) : bloquer ses connexions, transférer son courrier vers {3}",
    "remove its role {1}":
      "retirer son rôle {1}",
    "remove its roles {1}":
      "retirer ses rôles {1}",
    "take it off the lists {1}":
      "le retirer des listes {1}",
    "{1} as {2}":
      "{1} en tant que {2}",
    "Nothing to change: {1} already has these functions and what they call for; no commit.":
      "Rien à changer : {1} a déjà ces fonctions et ce qu'elles appellent ; aucun commit.",
    "Onboarded {1}: {2} record written (commit {3})":
      "Arrivée de {1} : {2} fiche écrite (commit {3})",
    "Onboarded {1}: {2} records written (commit {3})":
      "Arrivée de {1} : {2} fiches écrites (commit {3})",
    "Would onboard {1}: {2} record to write (dry run: nothing committed)":
      "Arrivée prévue de {1} : {2} fiche à écrire (essai à blanc : rien n'a été commité)",
    "Would onboard {1}: {2} records to write (dry run: nothing committed)":
      "Arrivée prévue de {1} : {2} fiches à écrire (essai à blanc : rien n'a été commité)",
    "Rights their functions call for":
      "Droits qu'appellent ses fonctions",
    "(none: ledger.json's entitlements name none for their functions)":
      "(aucun : les entitlements de ledger.json n'en nomment aucun pour ses fonctions)",
    "{1}: already {2} (rights/{3}); called for by {4}":
      "{1} : déjà {2} (rights/{3}) ; appelé par {4}",
    "{1}: requested as rights/{2} on a new account accounts/{3}, requested; called for by {4}":
      "{1} : demandé en tant que rights/{2} sur un nouveau compte accounts/{3}, demandé ; appelé par {4}",
    "{1}: requested as rights/{2} on accounts/{3}; called for by {4}":
      "{1} : demandé en tant que rights/{2} sur accounts/{3} ; appelé par {4}",
    "Next: open each account in its system (then 'adminledger set accounts/ID --set login=... --set status=active'),":
      "Ensuite : ouvrez chaque compte dans son système (puis 'adminledger set accounts/ID --set login=... --set status=active'),",
    "and have each right validated and activated ('adminledger set rights/ID --set status=active').":
      "et faites valider et activer chaque droit ('adminledger set rights/ID --set status=active').",
    "{1} added":
      "ajouts : {1}",
    "{1} changed":
      "modifications : {1}",
    "{1} unchanged":
      "inchangées : {1}",
    "{1} not in the file":
      "absentes du fichier : {1}",
    "Nothing to change: {1} brings nothing the ledger does not hold ({2}); no commit.":
      "Rien à changer : {1} n'apporte rien que le registre ne contienne déjà ({2}) ; aucun commit.",
    "Imported {1} {2} from {3}: {4} (commit {5})":
      "Import de {1} {2} depuis {3} : {4} (commit {5})",
    "Would import {1} {2} from {3}: {4} (dry run: nothing committed)":
      "Import prévu de {1} {2} depuis {3} : {4} (essai à blanc : rien n'a été commité)",
    "Would import {1} {2} from {3}: {4}":
      "Import prévu de {1} {2} depuis {3} : {4}",
    "In the ledger, not in {1}: {2} and {3} more (--format json lists them all)":
      "Dans le registre, absentes de {1} : {2} et {3} autres (--format json les liste toutes)",
    "In the ledger, not in {1}: {2}":
      "Dans le registre, absentes de {1} : {2}",
    "refers to:":
      "fait référence à :",
    "nothing":
      "rien",
    "(missing)":
      "(manquante)",
    "referred to by:":
      "référencée par :",
    "No {1} match.":
      "Aucune fiche {1} ne correspond.",
    "Wrote the review site of commit {1} to {2}: {3}, {4}.":
      "Site de relecture du commit {1} écrit dans {2} : {3}, {4}.",
    "Open {1}":
      "Ouvrez {1}",
    "{1} page":
      "{1} page",
    "{1} pages":
      "{1} pages",
    "Cloned {1} into {2}: {3}":
      "{1} copié dans {2} : {3}",
    "{1} already exists and was left alone":
      "{1} existe déjà et a été laissé tel quel",
    "Already up to date with {1}.":
      "Déjà à jour avec {1}.",
    "Fast-forwarded {1} to {2} (commit {3})":
      "{1} avancé jusqu'à {2} (commit {3})",
    "Merged {1} into {2}: {3} (commit {4})":
      "{1} fusionné dans {2} : {3} (commit {4})",
    "Pushed {1} to {2} ({3})":
      "{1} poussé vers {2} ({3})",
    "Not pushed (--no-push).":
      "Pas poussé (--no-push).",
    "Nothing to push.":
      "Rien à pousser.",
    "The remote moved during the sync: {1} rounds of fetch, merge and push.":
      "Le dépôt distant a bougé pendant la synchronisation : {1} tours de récupération, fusion et push.",
    "Receiving objects: {1}% ({2}/{3})":
      "Réception des objets : {1} % ({2}/{3})",
    "Trusted from here on: the ledger's first commit {1} (signed by key {2}), pinned in {3}":
      "De confiance à partir d'ici : le premier commit du registre {1} (signé par la clé {2}), épinglé dans {3}",
    "Trusted from here on: the ledger's first commit {1} (not signed), pinned in {2}":
      "De confiance à partir d'ici : le premier commit du registre {1} (non signé), épinglé dans {2}",
    "Signed commits: required from {1} (ledger.json, policy.signed_commits_from)":
      "Commits signés : exigés à partir du {1} (ledger.json, policy.signed_commits_from)",
    "Signed commits: required from {1} (pinned here; ledger.json requires none)":
      "Commits signés : exigés à partir du {1} (épinglé ici ; ledger.json n'en exige pas)",
    "Signed commits: not required (ledger.json sets no policy.signed_commits_from): a commit's author is what its committer typed":
      "Commits signés : non exigés (ledger.json ne fixe pas policy.signed_commits_from) : l'auteur d'un commit est ce que son committeur a tapé",
    "This clone signs its commits with {1} (gpg.format ssh, commit.gpgsign true), plain 'git commit' too":
      "Cette copie signe ses commits avec {1} (gpg.format ssh, commit.gpgsign true), y compris un simple 'git commit'",
    "This clone signs nothing: git's configuration names no signing key (pass --signing-key ~/.ssh/id_ed25519, a key your record lists under signing_keys)":
      "Cette copie ne signe rien : la configuration de git ne nomme aucune clé de signature (passez --signing-key ~/.ssh/id_ed25519, une clé que votre fiche liste dans signing_keys)",
    "Nothing changed: the record already holds these values":
      "Rien n'a changé : la fiche contient déjà ces valeurs",
    "Nothing to commit: the ledger's files match the last commit.":
      "Rien à commiter : les fichiers du registre correspondent au dernier commit.",
    "Added {1} (commit {2})":
      "Ajouté : {1} (commit {2})",
    "Updated {1} (commit {2})":
      "Mis à jour : {1} (commit {2})",
    "Removed {1} (commit {2})":
      "Supprimé : {1} (commit {2})",
    "Committed {1} (commit {2})":
      "Commité : {1} (commit {2})",
    "{1} is not a known administrator (no person with a ledger role lists {2} in git_identities); the audit will report this commit":
      "{1} n'est pas un administrateur connu (aucune personne ayant un rôle du registre ne liste {2} dans git_identities) ; l'audit signalera ce commit",
    "Created ledger \"{1}\" in {2} (commit {3})":
      "Registre \"{1}\" créé dans {2} (commit {3})",
    "{1} already exists and was left alone; add 'adminledger hook pre-commit' to it so plain git commits are validated":
      "{1} existe déjà et a été laissé tel quel ; ajoutez-y 'adminledger hook pre-commit' pour que les simples commits git soient validés",
    "No hand edits: the ledger's files match the last commit.":
      "Aucune modification à la main : les fichiers du registre correspondent au dernier commit.",
    "Files the merge changes, not committed yet:":
      "Fichiers que la fusion modifie, pas encore commités :",
    "added":
      "ajouté",
    "modified":
      "modifié",
    "deleted":
      "supprimé",
    "conflicted":
      "en conflit",
    "run 'adminledger commit -m MESSAGE' to validate and commit them":
      "lancez 'adminledger commit -m MESSAGE' pour les valider et les commiter",
    "{1} is not a known administrator (no person holding a ledger role on {2} lists {3} in git_identities)":
      "{1} n'est pas un administrateur connu (aucune personne détenant un rôle du registre le {2} ne liste {3} dans git_identities)",
    "{1} is not a known administrator (no person holding a ledger role on {2} (received {3}, less the {4} days' offline grace; the commit is dated {5}) lists {6} in git_identities)":
      "{1} n'est pas un administrateur connu (aucune personne détenant un rôle du registre le {2} (reçu {3}, moins les {4} jours de grâce hors ligne ; le commit est daté du {5}) ne liste {6} dans git_identities)",
    "changed {1} although {2} holds no role, which may not write {3}":
      "a modifié {1} alors que {2} ne détient aucun rôle, et ne peut donc pas écrire {3}",
    "changed {1} although {2} holds roles {3}, which may not write {4}":
      "a modifié {1} alors que {2} détient les rôles {3}, qui ne permettent pas d'écrire {4}",
    "changed {1} although {2} holds no role, which may not change the policy":
      "a modifié {1} alors que {2} ne détient aucun rôle, et ne peut donc pas changer la politique",
    "changed {1} although {2} holds roles {3}, which may not change the policy":
      "a modifié {1} alors que {2} détient les rôles {3}, qui ne permettent pas de changer la politique",
    "granted {1} although {2} holds no role, which may not grant rights":
      "a accordé {1} alors que {2} ne détient aucun rôle, et ne peut donc pas accorder de droits",
    "granted {1} although {2} holds roles {3}, which may not grant rights":
      "a accordé {1} alors que {2} détient les rôles {3}, qui ne permettent pas d'accorder des droits",
    "changed the {1} of {2} although {3} holds no role, which may not change the policy":
      "a modifié les {1} de {2} alors que {3} ne détient aucun rôle, et ne peut donc pas changer la politique",
    "changed the {1} of {2} although {3} holds roles {4}, which may not change the policy":
      "a modifié les {1} de {2} alors que {3} détient les rôles {4}, qui ne permettent pas de changer la politique",
    "set values of {1} while merging although {2} holds no role, which may not write {3}":
      "a fixé des valeurs de {1} pendant une fusion alors que {2} ne détient aucun rôle, et ne peut donc pas écrire {3}",
    "set values of {1} while merging although {2} holds roles {3}, which may not write {4}":
      "a fixé des valeurs de {1} pendant une fusion alors que {2} détient les rôles {3}, qui ne permettent pas d'écrire {4}",
    "recorded the approval of {1} in the name of people/{2}, but the commit is by {3}":
      "a enregistré l'approbation de {1} au nom de people/{2}, mais le commit est de {3}",
    "is dated {1}, before its parent {2} ({3}): a commit's date cannot go back in time":
      "est daté du {1}, avant son parent {2} ({3}) : la date d'un commit ne peut pas remonter le temps",
    "is not signed; policy.signed_commits_from ({1}) requires a signature by the author's key":
      "n'est pas signé ; policy.signed_commits_from ({1}) exige une signature par la clé de l'auteur",
    "carries a signature that is no SSH signature (git's gpg.format ssh)":
      "porte une signature qui n'est pas une signature SSH (gpg.format ssh de git)",
    "its signature by key {1} does not verify (namespace \"{2}\"): the commit or its signature was altered after signing":
      "sa signature par la clé {1} ne se vérifie pas (espace de noms \"{2}\") : le commit ou sa signature a été modifié après la signature",
    "any day":
      "n'importe quel jour",
    "no end":
      "sans fin",
    "is signed with key {1}, which {2} lists from {3} to {4}, not on {5}":
      "est signé avec la clé {1}, que {2} liste du {3} au {4}, pas le {5}",
    "{1} (the author, {2})":
      "{1} (l'auteur, {2})",
    "is signed with a key no person's record lists ({1}), not with a key of {2}":
      "est signé avec une clé qu'aucune fiche de personne ne liste ({1}), pas avec une clé de {2}",
    "is signed with {1}'s key ({2}), not with a key of {3}":
      "est signé avec la clé de {1} ({2}), pas avec une clé de {3}",
    "starts a history other than the one pinned when this repository was set up (first commit {1})":
      "commence un autre historique que celui épinglé à l'installation de ce dépôt (premier commit {1})",
    "is the ledger's first commit and is not signed by the pinned key {1}":
      "est le premier commit du registre et n'est pas signé par la clé épinglée {1}",
    "wrote {1} (forgot a person) although {2} holds no role, which may not forget people":
      "a écrit {1} (a oublié une personne) alors que {2} ne détient aucun rôle, et ne peut donc pas oublier de personnes",
    "wrote {1} (forgot a person) although {2} holds roles {3}, which may not forget people":
      "a écrit {1} (a oublié une personne) alors que {2} détient les rôles {3}, qui ne permettent pas d'oublier des personnes",
    "{1} names a person (by digest) whom the former history does not hold: the rewrite is not an erasure":
      "{1} nomme une personne (par empreinte) que l'ancien historique ne contient pas : la réécriture n'est pas un effacement",
    "{1} does not match the former history: forgetting the person does not rewrite commit {2} as the record says, so the rewrite changed more than the erasure":
      "{1} ne correspond pas à l'ancien historique : oublier la personne ne réécrit pas le commit {2} comme le dit la fiche, donc la réécriture a changé plus que l'effacement",
    "{1} is committed on another history than the rewritten commits it lists":
      "{1} est commité sur un autre historique que les commits réécrits qu'il liste",
    "absent":
      "absent",
    "{1}: a conflict no trailer resolves was committed with neither side's value: ours {2}, theirs {3}, committed {4}":
      "{1} : un conflit qu'aucun trailer ne règle a été commité avec la valeur d'aucun des deux côtés : ours {2}, theirs {3}, commité {4}",
    "the merge dropped a change (its trailers resolve it {1})":
      "la fusion a perdu une modification (ses trailers la règlent {1})",
    "the merge dropped a change":
      "la fusion a perdu une modification",
    "the merge invented a value (its trailers resolve it {1})":
      "la fusion a inventé une valeur (ses trailers la règlent {1})",
    "the merge invented a value":
      "la fusion a inventé une valeur",
    "{1}: {2}: the file differs from the line merge of its parents":
      "{1} : {2} : le fichier diffère de la fusion ligne par ligne de ses parents",
    "{1}: {2}: expected {3}, committed {4}":
      "{1} : {2} : attendu {3}, commité {4}",
    "the history of {1} was rewritten: {2}, the last commit audited, is no longer in it, and its object is gone from the repository: the commits that disappeared cannot be listed":
      "l'historique de {1} a été réécrit : {2}, le dernier commit audité, n'y est plus, et son objet a disparu du dépôt : les commits disparus ne peuvent pas être listés",
    "the history of {1} was rewritten: {2}, the last commit audited, is no longer in it; {3} commits disappeared: {4} and {5} more":
      "l'historique de {1} a été réécrit : {2}, le dernier commit audité, n'y est plus ; {3} commits ont disparu : {4} et {5} autres",
    "the history of {1} was rewritten: {2}, the last commit audited, is no longer in it; {3} commit disappeared: {4}":
      "l'historique de {1} a été réécrit : {2}, le dernier commit audité, n'y est plus ; {3} commit a disparu : {4}",
    "the history of {1} was rewritten: {2}, the last commit audited, is no longer in it; {3} commits disappeared: {4}":
      "l'historique de {1} a été réécrit : {2}, le dernier commit audité, n'y est plus ; {3} commits ont disparu : {4}",
    "ledger roles":
      "rôles du registre",
    "signing keys":
      "clés de signature",
    "git identities":
      "identités git",
    "{1} and {2}":
      "{1} et {2}",
    "adminledger: {1} {2}":
      "adminledger : {1} {2}",
    "adminledger: {1}":
      "adminledger : {1}",
    "note": "note",
    "profile": "profil",
    "listed": "listés",
    "agreeing": "en accord",
    "ledger_roles": "rôles au registre",
    "system_roles": "rôles dans le système",
  ]
}

/// The French of help: the commands' summaries, details, options and examples, the overview,
/// the manual page, the completion scripts' words and the command line's usage errors.
extension French {
  static let help: [String: String] = [
    "unknown kind '{1}'":
      "type de fiche inconnu '{1}'",
    "did you mean '{1}'? kinds: {2}":
      "vouliez-vous dire '{1}' ? types : {2}",
    "kinds: {1}":
      "types : {1}",
    "invalid id '{1}': {2}":
      "identifiant invalide '{1}' : {2}",
    "ids look like hlefevre, cen-paca or 2026-11-27-k3f9q":
      "un identifiant ressemble à hlefevre, cen-paca ou 2026-11-27-k3f9q",
    "invalid id '{1}'":
      "identifiant invalide '{1}'",
    "expected KIND/ID, such as people/hlefevre, got '{1}'":
      "KIND/ID attendu, comme people/hlefevre, et non '{1}'",
    "invalid field '{1}': use a name or a dotted path such as credentials.channel":
      "champ invalide '{1}' : donnez un nom ou un chemin pointé comme credentials.channel",
    "expected FIELD=VALUE, got '{1}'":
      "FIELD=VALUE attendu, et non '{1}'",
    "for example --set status=active":
      "par exemple --set status=active",
    "unknown option '{1}' for '{2}'":
      "option inconnue '{1}' pour '{2}'",
    "did you mean '--{1}'?":
      "vouliez-vous dire '--{1}' ?",
    "option '--{1}' takes no value":
      "l'option '--{1}' ne prend pas de valeur",
    "option '--{1}' needs a value: {2}":
      "l'option '--{1}' demande une valeur : {2}",
    "option '--{1}' is given twice":
      "l'option '--{1}' est donnée deux fois",
    "the ledger's folder (default: found from the current folder up)":
      "le dossier du registre (par défaut : trouvé en remontant depuis le dossier courant)",
    "output format: text, json, or another its help lists (the first listed is the default)":
      "format de sortie : text, json, ou un autre que son aide liste (le premier listé est celui par défaut)",
    "who makes the change (default: ADMINLEDGER_AUTHOR, then git's user.name and user.email)":
      "qui fait la modification (par défaut : ADMINLEDGER_AUTHOR, puis user.name et user.email de git)",
    "the language to write in: en or fr (default: ADMINLEDGER_LANG, then LC_ALL, LC_MESSAGES, LANG)":
      "la langue des messages : en ou fr (par défaut : ADMINLEDGER_LANG, puis LC_ALL, LC_MESSAGES, LANG)",
    "show this help":
      "afficher cette aide",
    "usage: adminledger {1} {2}":
      "utilisation : adminledger {1} {2}",
    "unknown command '{1}'":
      "commande inconnue '{1}'",
    "did you mean '{1}'?":
      "vouliez-vous dire '{1}' ?",
    "run 'adminledger --help' to see the commands":
      "lancez 'adminledger --help' pour voir les commandes",
    "AdminLedger does not speak '{1}'":
      "AdminLedger ne parle pas '{1}'",
    "use --lang en or --lang fr":
      "utilisez --lang en ou --lang fr",
    "missing arguments for '{1}'":
      "arguments manquants pour '{1}'",
    "too many arguments for '{1}': {2}":
      "trop d'arguments pour '{1}' : {2}",
    "'{1}' has no format '{2}'":
      "'{1}' n'a pas de format '{2}'",
    "use --format {1}":
      "utilisez --format {1}",
    "unknown command '{1} {2}'":
      "commande inconnue '{1} {2}'",
    "run 'adminledger {1} --help' to see its commands":
      "lancez 'adminledger {1} --help' pour voir ses commandes",
    "adminledger: error: no command '{1}'":
      "adminledger : erreur : pas de commande '{1}'",
    "audit the history: unknown authors, missing or wrong signatures, changes outside roles, forged approvals, invalid results, evil merges, rewritten history":
      "auditer l'historique : auteurs inconnus, signatures absentes ou fausses, modifications hors des rôles, approbations falsifiées, résultats invalides, fusions malveillantes, historique réécrit",
    """
    RANGE is A..B (commits or days: 2025-12-31..2026-12-31 is the year 2026), one revision
    (all of its history), or nothing (all of HEAD's). Each commit is judged against the
    ledger as it stood just before it: its author must be a person with a ledger role who
    lists the commit's email in git_identities; the changes must be within that person's
    roles in the policy (writing the kinds, granting rights, changing ledger.json or
    schemas/); a payment approval must be committed by the approver named; the result must
    validate, with no file validate refuses in a kind's folder. Identities, signing keys,
    ledger roles, .gitattributes and files outside the ledger's folders are policy. From
    policy.signed_commits_from (or the requirement pinned at set-up), a commit must carry an
    SSH signature (git's gpg.format ssh) that ssh-keygen verifies, by a key the author's
    record lists for that day; verdicts are remembered in .git/adminledger/signatures. A
    commit dated before its parent is backdated; a history starting elsewhere than the first
    commit pinned at set-up is unpinned-root.
    Each merge must hold the field-level merge of its parents (first parent ours,
    second theirs), its Ledger-Resolved trailers applied: a change dropped or a value
    invented while merging is an evil-merge, with the field, the expected and the committed
    values. Lists the payment approvals with the role each approver held.

    An audit of the branch's history (no RANGE) records HEAD's commit as passed in
    .git/adminledger/audit-last. --since-last audits only the commits after it; when the
    branch no longer holds it (a force push, a rebase, filter-repo), it reports
    rewritten-history with the commits that disappeared, then audits the whole branch.
    Exits 1 when anything is found.
    """:
      """
    RANGE est A..B (des commits ou des jours : 2025-12-31..2026-12-31 est l'année 2026), une
    révision (tout son historique) ou rien (tout celui de HEAD). Chaque commit est jugé sur le
    registre tel qu'il était juste avant lui : son auteur doit être une personne ayant un rôle
    dans le registre et dont git_identities contient l'adresse du commit ; les modifications
    doivent rester dans les rôles de cette personne selon la politique (écrire les types de
    fiche, accorder des droits, modifier ledger.json ou schemas/) ; une approbation de paiement
    doit être commitée par l'approbateur nommé ; le résultat doit être valide, sans fichier que
    validate refuse dans le dossier d'un type. Les identités, les clés de signature, les rôles
    du registre, .gitattributes et les fichiers hors des dossiers du registre relèvent de la
    politique. À partir de policy.signed_commits_from (ou de l'exigence fixée à l'installation),
    un commit doit porter une signature SSH (gpg.format ssh de git) que ssh-keygen vérifie, par
    une clé que la fiche de l'auteur liste pour ce jour ; les verdicts sont gardés dans
    .git/adminledger/signatures. Un commit daté d'avant son parent est backdated ; un
    historique qui ne part pas du premier commit fixé à l'installation est unpinned-root.
    Chaque fusion doit contenir la fusion champ par champ de ses parents (premier parent :
    le nôtre, second : le leur), ses trailers Ledger-Resolved appliqués : une modification
    perdue ou une valeur inventée pendant la fusion est une evil-merge, avec le champ, la
    valeur attendue et la valeur commitée. Liste les approbations de paiement avec le rôle
    que tenait chaque approbateur.

    Un audit de l'historique de la branche (sans RANGE) enregistre le commit de HEAD comme
    validé dans .git/adminledger/audit-last. --since-last n'audite que les commits qui le
    suivent ; quand la branche ne le contient plus (un push forcé, un rebase, filter-repo), il
    signale rewritten-history avec les commits disparus, puis audite toute la branche.
    Sort avec le code 1 dès qu'il trouve quelque chose.
    """,
    "audit only the commits after the last commit an audit of the branch passed":
      "n'auditer que les commits qui suivent le dernier commit validé par un audit de la branche",
    "audit the whole history":
      "auditer tout l'historique",
    "audit only what came since the last audit":
      "n'auditer que ce qui est venu depuis le dernier audit",
    "report active rights whose account has not been seen in use lately, by system and validating organisation":
      "rapport des droits actifs dont le compte n'a pas servi récemment, par système et par organisation qui les a validés",
    """
    Lists the active rights whose account's last_seen is more than DURATION (default 90d; also
    8w, 3m, 1y) before today, or that was never seen ("never recorded": no last_seen yet).
    last_seen comes from the systems' logs or analytics: import them with
    'adminledger import accounts FILE --profile last-login --system SYSTEM'.
    Rows are grouped by system, then by the organisation of the person who validated the
    right ("(not validated)" last); in each group temporary rights come first, then those
    unused the longest. Today is computed in the ledger's time zone. It is a listing, not a
    check: it exits 0 whatever it finds.
    """:
      """
    Liste les droits actifs dont le last_seen du compte précède aujourd'hui de plus de DURATION
    (par défaut 90d ; aussi 8w, 3m, 1y), ou qui n'a jamais été vu (« jamais enregistré » : pas
    encore de last_seen). last_seen vient des journaux ou des statistiques des systèmes :
    importez-les avec 'adminledger import accounts FILE --profile last-login --system SYSTEM'.
    Les lignes sont groupées par système, puis par organisation de la personne qui a validé le
    droit (« (non validé) » en dernier) ; dans chaque groupe, les droits temporaires d'abord,
    puis ceux inutilisés depuis le plus longtemps. Aujourd'hui est calculé dans le fuseau
    horaire du registre. C'est une liste, pas une vérification : le code de sortie est 0 quoi
    qu'elle trouve.
    """,
    "how long without use makes a right unused (default 90d)":
      "la durée sans usage au-delà de laquelle un droit est inutilisé (par défaut 90d)",
    "only the rights on this system":
      "seulement les droits sur ce système",
    "rights on accounts not seen in use for 90 days":
      "les droits des comptes qui n'ont pas servi depuis 90 jours",
    "print the shell completion script for bash, zsh or fish":
      "afficher le script de complétion pour bash, zsh ou fish",
    """
    The script completes the commands, their options, the kinds where an argument is a KIND,
    the records of the ledger in the current folder where it is a KIND/ID, and file names
    where it is a FILE. 'make install' installs the three scripts where the shells look for
    them; to try one in the current shell: source <(adminledger completion bash).
    """:
      """
    Le script complète les commandes, leurs options, les types de fiche là où un argument est un
    KIND, les fiches du registre du dossier courant là où c'est un KIND/ID, et les noms de
    fichiers là où c'est un FILE. 'make install' installe les trois scripts là où les shells les
    cherchent ; pour en essayer un dans le shell courant : source <(adminledger completion bash).
    """,
    "install bash's completion for your account":
      "installer la complétion de bash pour votre compte",
    "install fish's completion for your account":
      "installer la complétion de fish pour votre compte",
    "no completion for the shell '{1}'":
      "pas de complétion pour le shell '{1}'",
    "use bash, zsh or fish":
      "utilisez bash, zsh ou fish",
    "show one record":
      "afficher une fiche",
    """
    Text output lists one field per line (nested fields as dotted paths); JSON output is the
    record's object with "id" added. --refs adds the records it refers to and every record
    that refers to it (in JSON: {"record", "references", "referred_by"}).
    """:
      """
    La sortie texte donne un champ par ligne (les champs imbriqués en chemins pointés) ; la
    sortie JSON est l'objet de la fiche avec "id" en plus. --refs ajoute les fiches auxquelles
    elle renvoie et toutes celles qui renvoient à elle (en JSON : {"record", "references",
    "referred_by"}).
    """,
    "also list the records it refers to and those that refer to it":
      "lister aussi les fiches auxquelles elle renvoie et celles qui renvoient à elle",
    "read the ledger as it was at a commit, or at the end of a day (YYYY-MM-DD)":
      "lire le registre tel qu'il était à un commit, ou à la fin d'un jour (YYYY-MM-DD)",
    "show a person's fields":
      "afficher les champs d'une personne",
    "show a person and every record that names them":
      "afficher une personne et toutes les fiches qui la nomment",
    "show a record as it was at the end of a day":
      "afficher une fiche telle qu'elle était à la fin d'un jour",
    "validate JSON files against a JSON Schema (draft 2020-12)":
      "valider des fichiers JSON par un schéma JSON Schema (draft 2020-12)",
    """
    Exits 0 when every instance is valid, 1 when one is not (each finding printed), 2 on bad
    usage (a file that cannot be read), 3 when the schema itself is not JSON or not a valid
    schema (each problem printed where it lies in the schema's file). A $ref to a
    built-in schema or to the 2020-12 meta-schema by its $id resolves offline; nothing is
    ever fetched from the network.
    """:
      """
    Sort avec 0 quand chaque instance est valide, 1 quand l'une ne l'est pas (chaque constat
    affiché), 2 pour une mauvaise utilisation (un fichier illisible), 3 quand le schéma lui-même
    n'est pas du JSON ou pas un schéma valide (chaque problème affiché là où il se trouve dans
    le fichier du schéma). Un $ref vers un schéma intégré ou vers le méta-schéma 2020-12 par son
    $id se résout hors ligne ; rien n'est jamais téléchargé.
    """,
    "the schema to validate against":
      "le schéma par lequel valider",
    "check a file against a schema":
      "vérifier un fichier par un schéma",
    "check that files are valid JSON":
      "vérifier que des fichiers sont du JSON valide",
    """
    Prints each invalid file's first error as FILE:LINE:COL: error: MESSAGE. Exits 0 when every
    file is valid, 1 when one is not, 2 when a file cannot be read.
    """:
      """
    Affiche la première erreur de chaque fichier invalide sous la forme FILE:LINE:COL: error:
    MESSAGE. Sort avec 0 quand chaque fichier est valide, 1 quand l'un ne l'est pas, 2 quand un
    fichier ne peut être lu.
    """,
    "copy a shared ledger (a path, file://, ssh or https URL) and set up its hooks and merge driver":
      "copier un registre partagé (un chemin, une URL file://, ssh ou https) et installer ses hooks et son pilote de fusion",
    """
    PATH defaults to the last part of URL without '.git'. The clone gets the hooks that
    validate plain git commits and merges, and the merge driver that makes 'git pull' merge
    records field by field. ssh uses the ssh agent, then ~/.ssh/id_ed25519 and ~/.ssh/id_rsa
    (ADMINLEDGER_SSH_PASSPHRASE unlocks a key); https uses the token in ADMINLEDGER_GIT_TOKEN
    (and ADMINLEDGER_GIT_USERNAME when the host needs a name). No credential is ever stored.
    A server with a self-signed certificate: name its authority's PEM file in GIT_SSL_CAINFO or
    git's http.sslCAInfo (git config --global http.sslCAInfo FILE), as for git.

    The clone pins what it trusts without proof (the ledger's first commit and the key that
    signed it, in .git/adminledger/trust.json) and prints it. With --signing-key, or when
    git's configuration names a key (user.signingkey), the clone signs its commits with it,
    the tool's and plain 'git commit' alike (gpg.format ssh, commit.gpgsign true).
    --signed-from requires signed commits from that day or commit in this clone's audits when
    ledger.json requires none.
    """:
      """
    PATH est par défaut la dernière partie de l'URL sans '.git'. La copie reçoit les hooks qui
    valident les commits et les fusions faits avec git, et le pilote de fusion qui fait fusionner
    les fiches champ par champ à 'git pull'. ssh utilise l'agent ssh, puis ~/.ssh/id_ed25519 et
    ~/.ssh/id_rsa (ADMINLEDGER_SSH_PASSPHRASE déverrouille une clé) ; https utilise le jeton de
    ADMINLEDGER_GIT_TOKEN (et ADMINLEDGER_GIT_USERNAME quand l'hôte demande un nom). Aucun
    identifiant n'est jamais enregistré. Pour un serveur au certificat auto-signé : nommez le
    fichier PEM de son autorité dans GIT_SSL_CAINFO ou dans http.sslCAInfo de git
    (git config --global http.sslCAInfo FILE), comme pour git.

    La copie fixe ce qu'elle croit sans preuve (le premier commit du registre et la clé qui l'a
    signé, dans .git/adminledger/trust.json) et l'affiche. Avec --signing-key, ou quand la
    configuration de git nomme une clé (user.signingkey), la copie signe ses commits avec elle,
    ceux de l'outil comme ceux de 'git commit' (gpg.format ssh, commit.gpgsign true).
    --signed-from exige des commits signés à partir de ce jour ou de ce commit dans les audits
    de cette copie quand ledger.json n'en exige pas.
    """,
    "the SSH key this clone signs commits with: a key file, or key::PUBLIC-KEY held by ssh-agent":
      "la clé SSH avec laquelle cette copie signe ses commits : un fichier de clé, ou key::CLÉ-PUBLIQUE détenue par ssh-agent",
    "require signed commits from then on, when ledger.json does not":
      "exiger des commits signés à partir de là, quand ledger.json ne le fait pas",
    "copy the shared ledger over ssh":
      "copier le registre partagé par ssh",
    "copy a ledger and sign its commits":
      "copier un registre et signer ses commits",
    "add a record":
      "ajouter une fiche",
    """
    Fields come from --file (a JSON object; - reads standard input) and then --set, in order.
    FIELD may be a dotted path into nested objects (mailbox.address). VALUE is typed by the
    kind's schema: a money or text field keeps 12.50 as the string "12.50", a boolean field
    takes true or false, a list takes JSON (["a","b"]). Values are read as people write them
    (an amount 1 234,50 €, a phone 06 12 34 56 78 in the ledger's country, a day DD/MM/YYYY in
    a French ledger) and the write says how each is stored. The record is validated before it is
    committed; an invalid one is refused and nothing is written.
    Accounts, rights, tickets, payments, contracts and trainings get a generated id
    (2026-11-27-k3f9q) when ID is left out; people, organizations and systems need one.
    """:
      """
    Les champs viennent de --file (un objet JSON ; - lit l'entrée standard) puis de --set, dans
    l'ordre. FIELD peut être un chemin pointé dans des objets imbriqués (mailbox.address).
    VALUE est typée par le schéma du type de fiche : un champ montant ou texte garde 12.50 comme
    la chaîne "12.50", un champ booléen prend true ou false, une liste prend du JSON
    (["a","b"]). Les valeurs se lisent comme on les écrit (un montant 1 234,50 €, un téléphone
    06 12 34 56 78 dans le pays du registre, un jour JJ/MM/AAAA dans un registre en français) et
    l'écriture dit comment chacune est enregistrée. La fiche est validée avant d'être commitée ;
    une fiche invalide est refusée et rien n'est écrit.
    Les comptes, droits, tickets, paiements, contrats et formations reçoivent un identifiant
    généré (2026-11-27-k3f9q) quand ID est omis ; les personnes, organisations et systèmes en
    demandent un.
    """,
    "set a field":
      "donner la valeur d'un champ",
    "read the record's fields from a JSON file, or - for standard input":
      "lire les champs de la fiche dans un fichier JSON, ou - pour l'entrée standard",
    "add a person, whose id you choose":
      "ajouter une personne, dont vous choisissez l'identifiant",
    "add an account: its id is generated":
      "ajouter un compte : son identifiant est généré",
    "add a record from a JSON file":
      "ajouter une fiche depuis un fichier JSON",
    "print the manual page adminledger(1): every command, its options and examples":
      "afficher la page de manuel adminledger(1) : chaque commande, ses options et ses exemples",
    """
    The page is written in roff for man: 'make install' installs it, and
    adminledger manual > adminledger.1 && man -l adminledger.1 shows it without installing.
    """:
      """
    La page est écrite en roff pour man : 'make install' l'installe, et
    adminledger manual > adminledger.1 && man -l adminledger.1 l'affiche sans l'installer.
    """,
    "read the manual without installing it":
      "lire le manuel sans l'installer",
    "end what a person holds (accounts, rights, roles, duties) in one commit, and print the checklist":
      "mettre fin à ce que détient une personne (comptes, droits, rôles, obligations) en un commit, et afficher la liste des tâches",
    """
    In one validated commit, on DATE (default: today in the ledger's time zone): the
    person's member_status becomes resigned (or --status), their functions end, each of
    their ledger roles and signing keys is held until DATE; each account of theirs that is
    not closed is closed on DATE, taken off its mailbox's lists, with its requested,
    validated and active rights revoked. A mailbox on a system whose record says
    "on_leave": {"mailbox": "redirect"} is kept but suspended, its mail redirected to the
    deputy's first email, else to on_leave.redirect_to. A duty they answered for alone goes
    to its deputy, else to the person's deputy, else stays and is listed under "To decide";
    they stop being a duty's deputy or actor and an organisation's contact; a system they
    answered for goes to the deputy. The deputy is --deputy, else, for a delegate, the one
    active member of their department who is a deputy.
    Then the checklist: for each system, each account to delete or disable, or to redirect,
    with its roles and lists. 'report drift SYSTEM EXPORT' confirms it afterwards.
    --dry-run prints the plan and every field change, and commits nothing.
    """:
      """
    En un commit validé, à la date DATE (par défaut : aujourd'hui dans le fuseau horaire du
    registre) : le member_status de la personne devient resigned (ou --status), ses fonctions
    prennent fin, chacun de ses rôles dans le registre et chacune de ses clés de signature
    s'arrêtent à DATE ; chacun de ses comptes non fermé est fermé à DATE, retiré des listes de
    sa boîte aux lettres, et ses droits demandés, validés et actifs sont révoqués. Une boîte
    aux lettres sur un système dont la fiche dit "on_leave": {"mailbox": "redirect"} est
    gardée mais suspendue, son courrier redirigé vers la première adresse du suppléant, sinon
    vers on_leave.redirect_to. Une obligation dont elle répondait seule passe à son suppléant,
    sinon au suppléant de la personne, sinon reste et figure sous « À décider » ; elle cesse
    d'être suppléante ou actrice d'une obligation et contact d'une organisation ; un système
    dont elle répondait passe au suppléant. Le suppléant est --deputy, sinon, pour un délégué,
    le seul membre actif de son département qui est suppléant.
    Puis la liste des tâches : pour chaque système, chaque compte à supprimer, à désactiver ou
    à rediriger, avec ses rôles et ses listes. 'report drift SYSTEM EXPORT' le confirme
    ensuite. --dry-run affiche le plan et chaque modification de champ, sans rien commiter.
    """,
    "the day things end (default: today in the ledger's time zone)":
      "le jour où tout prend fin (par défaut : aujourd'hui dans le fuseau horaire du registre)",
    "member_status afterwards: resigned (default), lapsed or none":
      "member_status ensuite : resigned (par défaut), lapsed ou none",
    "who takes over what the person did alone (default: their department's deputy)":
      "qui reprend ce que la personne faisait seule (par défaut : le suppléant de son département)",
    "print the plan without committing":
      "afficher le plan sans commiter",
    "see what a person's departure would end":
      "voir ce que le départ d'une personne arrêterait",
    "end everything a person holds at the end of the year":
      "mettre fin à tout ce que détient une personne à la fin de l'année",
    "import a CSV file: new records, or with --update changes to those it lists; one commit or none":
      "importer un fichier CSV : de nouvelles fiches, ou avec --update les modifications de celles qu'il liste ; un commit ou aucun",
    """
    Reads RFC 4180 CSV with ',' or ';' (detected), UTF-8 with or without BOM, or ISO-8859-1
    (detected, or --encoding latin1). Columns named like the kind's fields (and id) are read;
    others are mapped with --map 'COLUMN=FIELD' or left out (and said so). --date-format
    DD/MM/YYYY and --decimal-comma read the spreadsheet's ways of writing dates and numbers.
    Profiles read known files: dolibarr-members (the back office's member export, into
    people) and training-followup (the training sheet, one attendee a row, into trainings:
    rows of a session make one record; people matched by name and organisation),
    last-login (a system's last-login dates per account, into accounts' last_seen; --system
    names the system) and access-review (a partner's filled 'report review' file: each
    right kept, its validation renewed, or revoked with the reason) and certificates (a
    certificate transparency search or an inventory of host names and certificate ends, into
    the certificate_end of the systems whose url names the host; the latest end is kept).
    With --update, a row that matches a record (by id, or by --match FIELD such as emails)
    changes the fields that differ; other rows add records; unchanged rows change nothing.
    Records the file should list and does not are reported ("in the ledger, not in the
    file"); --missing FIELD=VALUE sets a field on them in the same commit (for example
    member_status=resigned). Without --update, a row naming a record the ledger holds
    refuses the import. A training sheet's sessions already in the ledger (same day, topic
    and trainers) are always matched: their attendees merge as a set, so importing the
    sheet twice changes nothing.
    Nothing is committed unless every row makes a valid record; each problem names its line
    and column; an import that changes nothing makes no commit. --dry-run prints the plan,
    field by field, without committing.
    """:
      """
    Lit du CSV RFC 4180 séparé par ',' ou ';' (détecté), en UTF-8 avec ou sans BOM, ou en
    ISO-8859-1 (détecté, ou --encoding latin1). Les colonnes nommées comme les champs du type
    de fiche (et id) sont lues ; les autres sont associées par --map 'COLUMN=FIELD' ou laissées
    de côté (et c'est dit). --date-format DD/MM/YYYY et --decimal-comma lisent les dates et les
    nombres écrits à la manière du tableur.
    Les profils lisent des fichiers connus : dolibarr-members (l'export des adhérents du back
    office, en personnes), training-followup (le tableau des formations, un participant par
    ligne, en formations : les lignes d'une session font une fiche ; les personnes retrouvées
    par nom et organisation), last-login (les dates de dernière connexion d'un système par
    compte, dans le last_seen des comptes ; --system nomme le système), access-review (le
    fichier 'report review' rempli par un partenaire : chaque droit gardé, sa validation
    renouvelée, ou révoqué avec la raison) et certificates (une recherche certificate
    transparency ou un inventaire de noms d'hôtes et de fins de certificats, dans le
    certificate_end des systèmes dont l'url nomme l'hôte ; la fin la plus tardive est gardée).
    Avec --update, une ligne qui correspond à une fiche (par id, ou par --match FIELD comme
    emails) modifie les champs qui diffèrent ; les autres lignes ajoutent des fiches ; les
    lignes inchangées ne changent rien. Les fiches que le fichier devrait lister et ne liste
    pas sont signalées (« dans le registre, pas dans le fichier ») ; --missing FIELD=VALUE leur
    donne une valeur dans le même commit (par exemple member_status=resigned). Sans --update,
    une ligne qui nomme une fiche du registre fait refuser l'import. Les sessions d'un tableau
    de formations déjà dans le registre (même jour, même thème, mêmes formateurs) sont toujours
    retrouvées : leurs participants fusionnent comme un ensemble, si bien qu'importer deux fois
    le tableau ne change rien.
    Rien n'est commité tant que chaque ligne ne fait pas une fiche valide ; chaque problème
    nomme sa ligne et sa colonne ; un import qui ne change rien ne fait pas de commit.
    --dry-run affiche le plan, champ par champ, sans commiter.
    """,
    "generic (default), dolibarr-members, training-followup, last-login, access-review or certificates":
      "generic (par défaut), dolibarr-members, training-followup, last-login, access-review ou certificates",
    "read COLUMN into FIELD":
      "lire COLUMN dans FIELD",
    "the system the file comes from (last-login)":
      "le système d'où vient le fichier (last-login)",
    "auto (default), utf-8 or latin1":
      "auto (par défaut), utf-8 ou latin1",
    "how dates are written, such as DD/MM/YYYY":
      "comment les dates sont écrites, comme DD/MM/YYYY",
    "numbers are written with a decimal comma (3,5)":
      "les nombres sont écrits avec une virgule décimale (3,5)",
    "change the records the file lists where they differ, and report those it no longer lists":
      "modifier les fiches que le fichier liste là où elles diffèrent, et signaler celles qu'il ne liste plus",
    "with --update: find a row's record by this field too (such as emails)":
      "avec --update : retrouver aussi la fiche d'une ligne par ce champ (comme emails)",
    "with --update: set this on the records the file no longer lists":
      "avec --update : donner cette valeur aux fiches que le fichier ne liste plus",
    "check every row and print what would change, without committing":
      "vérifier chaque ligne et afficher ce qui changerait, sans commiter",
    "add the members of the back office's export":
      "ajouter les adhérents de l'export du back office",
    "see what a newer export would change":
      "voir ce que changerait un export plus récent",
    "record when each account was last seen":
      "enregistrer quand chaque compte a servi pour la dernière fois",
    "show the commits that changed the ledger or one record, with each field change":
      "afficher les commits qui ont modifié le registre ou une fiche, avec chaque modification de champ",
    """
    Newest first, through merges: a change made on another administrator's clone is shown as
    the commit that made it, and a merge only with what it decided itself (a resolution, or a
    change neither side had). --first-parent shows the branch's own line instead, each merge
    with everything it brought. WHO is a person's id (matched through their git_identities),
    an email or a name. DATE is YYYY-MM-DD in the ledger's time zone; --until includes the day.
    """:
      """
    Du plus récent au plus ancien, à travers les fusions : une modification faite sur la copie
    d'un autre administrateur apparaît comme le commit qui l'a faite, et une fusion seulement
    avec ce qu'elle a décidé elle-même (une résolution, ou une modification qu'aucun côté
    n'avait). --first-parent montre plutôt la ligne propre de la branche, chaque fusion avec
    tout ce qu'elle a apporté. WHO est l'identifiant d'une personne (retrouvée par ses
    git_identities), une adresse ou un nom. DATE est YYYY-MM-DD dans le fuseau horaire du
    registre ; --until inclut le jour.
    """,
    "only changes to records of this kind":
      "seulement les modifications des fiches de ce type",
    "only commits by this person (id, email or name)":
      "seulement les commits de cette personne (identifiant, adresse ou nom)",
    "only commits made on or after this day":
      "seulement les commits faits ce jour ou après",
    "only commits made on or before this day":
      "seulement les commits faits ce jour ou avant",
    "show at most N commits":
      "afficher au plus N commits",
    "follow only the branch's first-parent line":
      "ne suivre que la ligne des premiers parents de la branche",
    "a record's last five changes":
      "les cinq dernières modifications d'une fiche",
    "what one administrator changed this month":
      "ce qu'un administrateur a modifié ce mois-ci",
    "fetch the shared ledger, merge it field by field with this clone, and push":
      "récupérer le registre partagé, le fusionner champ par champ avec cette copie, et pousser",
    """
    REMOTE defaults to the branch's upstream, else 'origin', else the only remote (any remote
    'git remote add' made). Changes to different fields of one record merge; arrays the schema
    marks uniqueItems merge as sets; both sides setting one field differently is a conflict.
    The merged ledger is validated: a rule broken only by the combination stops the merge too.
    A stopped merge keeps valid JSON in every file (this clone's side where it conflicts):
    see it with 'adminledger conflicts', settle it with 'adminledger resolve', then
    'sync --continue' commits and pushes, or 'sync --abort' goes back to where the sync began.
    When the push is refused because someone pushed meanwhile, sync fetches and merges again.
    """:
      """
    REMOTE est par défaut l'amont de la branche, sinon 'origin', sinon le seul dépôt distant
    (tout dépôt ajouté par 'git remote add'). Les modifications de champs différents d'une
    fiche fusionnent ; les tableaux que le schéma marque uniqueItems fusionnent comme des
    ensembles ; deux côtés qui donnent des valeurs différentes à un même champ font un conflit.
    Le registre fusionné est validé : une règle enfreinte par la seule combinaison arrête
    aussi la fusion. Une fusion arrêtée laisse du JSON valide dans chaque fichier (le côté de
    cette copie là où il y a conflit) : voyez-la avec 'adminledger conflicts', réglez-la avec
    'adminledger resolve', puis 'sync --continue' commite et pousse, ou 'sync --abort' revient
    là où la synchronisation a commencé.
    Quand le push est refusé parce que quelqu'un a poussé entre-temps, sync récupère et
    fusionne de nouveau.
    """,
    "fetch and merge only":
      "récupérer et fusionner seulement",
    "commit the stopped merge once everything is settled, then push":
      "commiter la fusion arrêtée une fois tout réglé, puis pousser",
    "abandon the stopped merge and restore the branch, files and index":
      "abandonner la fusion arrêtée et rétablir la branche, les fichiers et l'index",
    "pull the other administrators' changes and push yours":
      "récupérer les modifications des autres administrateurs et pousser les vôtres",
    "finish a sync once its conflicts are resolved":
      "terminer une synchronisation une fois ses conflits résolus",
    "report on the ledger as it was at a commit, or at the end of a day":
      "rapport sur le registre tel qu'il était à un commit, ou à la fin d'un jour",
    "report what expires or falls due soon: temporary rights, contracts, memberships, roles, certificates, domains, backup checks, access reviews":
      "rapport de ce qui expire ou arrive à échéance bientôt : droits temporaires, contrats, adhésions, rôles, certificats, domaines, vérifications de sauvegarde, revues d'accès",
    "how far ahead to look (default 60d)":
      "jusqu'où regarder (par défaut 60d)",
    "what ends or falls due in the next 30 days":
      "ce qui prend fin ou arrive à échéance dans les 30 prochains jours",
    "the same dates, for a calendar":
      "les mêmes dates, pour un agenda",
    "report everything about one person: their record and its history, every record naming them, rights, duties, commits":
      "rapport de tout ce qui concerne une personne : sa fiche et son historique, chaque fiche qui la nomme, ses droits, ses obligations, ses commits",
    """
    Shows the person's record and each value its fields had, with the commit, day and author
    that set it; their accounts and the rights on them; every record that names them in a
    field the schemas mark x-ref to people, at any depth (rights they requested, granted or
    validated, tickets, trainings, approvals, organisations, duties, systems); and the commits
    they authored (an author email among their emails or git_identities, or their name, as
    the record says now or said before).
    --format json is the export to hand the person for an access or portability request
    (GDPR articles 15 and 20): a documented shape (see the README), versioned, the same in
    every language. --at reads the ledger and its history as they were then.
    """:
      """
    Affiche la fiche de la personne et chaque valeur qu'ont eue ses champs, avec le commit, le
    jour et l'auteur qui l'ont donnée ; ses comptes et les droits qu'ils portent ; chaque fiche
    qui la nomme dans un champ que les schémas marquent x-ref vers people, à toute profondeur
    (droits qu'elle a demandés, accordés ou validés, tickets, formations, approbations,
    organisations, obligations, systèmes) ; et les commits dont elle est l'auteur (une adresse
    d'auteur parmi ses emails ou ses git_identities, ou son nom, tels que la fiche les dit
    maintenant ou les disait avant).
    --format json est l'export à remettre à la personne pour une demande d'accès ou de
    portabilité (articles 15 et 20 du RGPD) : une forme documentée (voir le README), versionnée,
    la même dans toutes les langues. --at lit le registre et son historique tels qu'ils étaient
    alors.
    """,
    "everything the ledger holds about a person":
      "tout ce que le registre contient sur une personne",
    "the export to hand the person on request":
      "l'export à remettre à la personne sur sa demande",
    "report who holds which role on a system, through which account, until when, validated by whom":
      "rapport de qui tient quel rôle sur un système, par quel compte, jusqu'à quand, validé par qui",
    "include revoked and expired rights":
      "inclure les droits révoqués et expirés",
    "who holds which role on a system":
      "qui tient quel rôle sur un système",
    "the same, for a spreadsheet":
      "la même chose, pour un tableur",
    "report the year's figures: data requests, trainings, payments, tickets, rights":
      "rapport des chiffres de l'année : demandes sur les données, formations, paiements, tickets, droits",
    """
    Reads the ledger as it stood at the end of the year. Rights granted, revoked and expired
    are computed from the history: each change of a right's status counts on the day of its
    commit; a right added already active counts on its own start or validation date.
    """:
      """
    Lit le registre tel qu'il était à la fin de l'année. Les droits accordés, révoqués et
    expirés sont calculés depuis l'historique : chaque changement de statut d'un droit compte
    le jour de son commit ; un droit ajouté déjà actif compte à sa propre date de début ou de
    validation.
    """,
    "the year, such as 2026":
      "l'année, comme 2026",
    "the figures of the year 2026":
      "les chiffres de l'année 2026",
    "run the cross-system checks declared in ledger.json; exit 1 when one finds something":
      "lancer les vérifications entre systèmes déclarées dans ledger.json ; code de sortie 1 quand l'une trouve quelque chose",
    """
    Each check in ledger.json's "consistency" list selects records ("every": kind and
    conditions) and says what must hold for each ("satisfies": conditions) or what must
    exist for each ("has": kind, conditions, and the "link" field naming it). Conditions are
    those of 'list --where'; the word today stands for today. A ledger with duties also
    checks that the people responsible for them (and their deputies) are still here: not
    resigned, and not with every account closed.
    """:
      """
    Chaque vérification de la liste "consistency" de ledger.json choisit des fiches ("every" :
    type et conditions) et dit ce qui doit être vrai pour chacune ("satisfies" : conditions) ou
    ce qui doit exister pour chacune ("has" : type, conditions, et le champ "link" qui la
    nomme). Les conditions sont celles de 'list --where' ; le mot today désigne aujourd'hui.
    Un registre avec des obligations vérifie aussi que leurs responsables (et leurs
    suppléants) sont toujours là : pas démissionnaires, et pas avec tous leurs comptes fermés.
    """,
    "run ledger.json's cross-system checks":
      "lancer les vérifications entre systèmes de ledger.json",
    "change or remove fields of a record":
      "modifier ou retirer des champs d'une fiche",
    """
    FIELD may be a dotted path into nested objects. VALUE is typed by the kind's schema, as
    for add. The changed record, and the records that refer to it, are validated before the
    commit. Setting a field to the value it has makes no commit.
    """:
      """
    FIELD peut être un chemin pointé dans des objets imbriqués. VALUE est typée par le schéma
    du type de fiche, comme pour add. La fiche modifiée, et les fiches qui renvoient à elle,
    sont validées avant le commit. Donner à un champ la valeur qu'il a ne fait pas de commit.
    """,
    "remove a field":
      "retirer un champ",
    "change one field":
      "modifier un champ",
    "revoke a right, saying why":
      "révoquer un droit, en disant pourquoi",
    "compare a system's export of its users and roles with the ledger; --update brings the ledger in line":
      "comparer l'export des utilisateurs et des rôles d'un système avec le registre ; --update aligne le registre",
    "the export's NAME for a role stands for the system's ROLE":
      "le NAME d'un rôle dans l'export vaut le ROLE du système",
    "bring the ledger in line with the file, in one commit":
      "aligner le registre sur le fichier, en un commit",
    "with --update: print what would change, without committing":
      "avec --update : afficher ce qui changerait, sans commiter",
    "compare the site's users with the ledger":
      "comparer les utilisateurs du site avec le registre",
    "see what bringing the ledger in line would change":
      "voir ce que changerait l'alignement du registre",
    "commit hand edits of the ledger's files":
      "commiter les fichiers du registre modifiés à la main",
    """
    Every edited file must be valid JSON and a valid record; otherwise nothing is committed
    and each problem is shown with its line and column. Committed files are rewritten in
    canonical form. Only the ledger's files are committed; other staged work stays staged.
    """:
      """
    Chaque fichier modifié doit être du JSON valide et une fiche valide ; sinon rien n'est
    commité et chaque problème est affiché avec sa ligne et sa colonne. Les fichiers commités
    sont réécrits sous forme canonique. Seuls les fichiers du registre sont commités ; le reste
    de l'index reste en attente.
    """,
    "the commit message":
      "le message du commit",
    "commit the files edited by hand":
      "commiter les fichiers modifiés à la main",
    "give a person functions and request the accounts and rights they call for, in one commit":
      "donner des fonctions à une personne et demander les comptes et les droits qu'elles appellent, en un commit",
    """
    Adds each function to the person's functions (people's functions: delegate, deputy,
    treasurer...), then, for each right all their functions call for (ledger.json's
    "entitlements") that they neither hold nor have requested, requests it: a right with
    status requested on their account on that system (an open one: active, else suspended,
    else requested), or on a new account with status requested when they have none. Ids are
    generated. Everything is validated with the whole ledger and committed in one commit.
    Afterwards, open each account in its system and set its login and status, and have each
    right validated and made active. --dry-run prints the plan and commits nothing.
    """:
      """
    Ajoute chaque fonction aux functions de la personne (les fonctions des personnes : delegate,
    deputy, treasurer...), puis, pour chaque droit qu'appellent toutes ses fonctions (les
    "entitlements" de ledger.json) qu'elle n'a ni ne demande déjà, le demande : un droit au
    statut requested sur son compte de ce système (un compte ouvert : actif, sinon suspendu,
    sinon demandé), ou sur un nouveau compte au statut requested quand elle n'en a pas. Les
    identifiants sont générés. Tout est validé avec le registre entier et commité en un commit.
    Ensuite, ouvrez chaque compte dans son système et renseignez son login et son statut, et
    faites valider et activer chaque droit. --dry-run affiche le plan et ne commite rien.
    """,
    "a function to give the person (at least one)":
      "une fonction à donner à la personne (au moins une)",
    "see the accounts and rights a new delegate would get":
      "voir les comptes et les droits qu'un nouveau délégué recevrait",
    "show the merge in progress: each conflicting field with both values and who set them":
      "afficher la fusion en cours : chaque champ en conflit avec les deux valeurs et qui les a données",
    """
    Works on a merge stopped by 'adminledger sync' and on one stopped by 'git pull' or
    'git merge' (through the merge driver). Exits 1 while a conflict is open or the merged
    ledger breaks a rule, 0 when everything is settled or no merge is in progress.
    """:
      """
    Fonctionne sur une fusion arrêtée par 'adminledger sync' comme sur une fusion arrêtée par
    'git pull' ou 'git merge' (par le pilote de fusion). Sort avec 1 tant qu'un conflit est
    ouvert ou que le registre fusionné enfreint une règle, 0 quand tout est réglé ou qu'aucune
    fusion n'est en cours.
    """,
    "see each conflicting field of the merge in progress":
      "voir chaque champ en conflit de la fusion en cours",
    "settle a conflict of the merge in progress: a whole record, or one field":
      "régler un conflit de la fusion en cours : une fiche entière, ou un champ",
    """
    --ours keeps this clone's side, --theirs takes the incoming side, --set gives the value
    (typed by the kind's schema, as for 'set'; FIELD is then required). Without FIELD the
    whole record is taken from one side. A record or field the merge does not conflict on is
    refused (exit 2), except while the merged ledger breaks a rule: any record may then be
    changed this way to fix it. Each choice is recorded in the merge commit's Ledger-Resolved
    trailers, as is a conflict settled by editing the file and 'git add'.
    """:
      """
    --ours garde le côté de cette copie, --theirs prend le côté entrant, --set donne la valeur
    (typée par le schéma du type de fiche, comme pour 'set' ; FIELD est alors obligatoire).
    Sans FIELD, la fiche entière est prise d'un côté. Une fiche ou un champ sans conflit dans
    la fusion est refusé (code 2), sauf tant que le registre fusionné enfreint une règle :
    toute fiche peut alors être modifiée ainsi pour la corriger. Chaque choix est enregistré
    dans les trailers Ledger-Resolved du commit de fusion, comme un conflit réglé en modifiant
    le fichier puis 'git add'.
    """,
    "keep this clone's value":
      "garder la valeur de cette copie",
    "take the incoming value":
      "prendre la valeur entrante",
    "set the field to VALUE":
      "donner au champ la valeur VALUE",
    "take the other side's value of one field":
      "prendre la valeur de l'autre côté pour un champ",
    "give the value yourself":
      "donner vous-même la valeur",
    "merge one ledger file for the git program (git calls it through .gitattributes)":
      "fusionner un fichier du registre pour le programme git (git l'appelle par .gitattributes)",
    """
    Registered in each clone as git's merge driver 'adminledger' (%O %A %B %P) by init, clone
    and hook install. Leaves the merged file in OURS and exits 0, or exits 1 on a conflict
    with valid JSON in OURS (this clone's side where the two conflict); git then marks the
    file conflicted and 'adminledger conflicts' shows the fields.
    """:
      """
    Enregistré dans chaque copie comme pilote de fusion 'adminledger' de git (%O %A %B %P) par
    init, clone et hook install. Laisse le fichier fusionné dans OURS et sort avec 0, ou sort
    avec 1 sur un conflit, avec du JSON valide dans OURS (le côté de cette copie là où les deux
    sont en conflit) ; git marque alors le fichier en conflit et 'adminledger conflicts' en
    montre les champs.
    """,
    "what git runs to merge one file":
      "ce que git lance pour fusionner un fichier",
    "remove a record (its history stays in the log)":
      "retirer une fiche (son historique reste dans le journal)",
    "remove a record no other record names":
      "retirer une fiche qu'aucune autre fiche ne nomme",
    "show a merge in progress and uncommitted hand edits of the ledger's files":
      "afficher une fusion en cours et les fichiers du registre modifiés à la main et pas encore commités",
    """
    Reads ledger.json, the kind folders and schemas/; other files are not the ledger's. A merge
    stopped by 'adminledger sync' or by 'git pull' is shown with its open conflicts and
    findings; its conflicted files are listed as 'conflicted'.
    """:
      """
    Lit ledger.json, les dossiers des types de fiche et schemas/ ; les autres fichiers ne font
    pas partie du registre. Une fusion arrêtée par 'adminledger sync' ou par 'git pull' est
    affichée avec ses conflits ouverts et ses constats ; ses fichiers en conflit sont listés
    comme 'conflicted'.
    """,
    "see what is edited by hand and not yet committed":
      "voir ce qui est modifié à la main et pas encore commité",
    "report the coordination table: each mission's tools, procedure, people responsible and partners":
      "rapport du tableau de coordination : pour chaque mission, ses outils, sa procédure, ses responsables et ses partenaires",
    """
    One row per duty, sorted by theme then mission: theme, mission, systems, procedure
    (its title and link), responsible, deputy, actors (each organisation or person with
    its part: validate, test, transmit, receive, review, implement, inform), frequency,
    and the duty's id. Systems and organisations are named by their ids, people by their
    names. --person keeps the duties a person is responsible for, deputy of, or an actor
    of; --system those that use a system; --organization those an organisation takes
    part in: as an actor, through one of its people who is an actor, or through one of its
    people who is responsible or deputy. Given together, every filter must hold.
    'report person ID' lists a person's duties; 'report consistency' finds duties whose
    responsible person or deputy has left.
    """:
      """
    Une ligne par obligation, triée par thème puis par mission : thème, mission, systèmes,
    procédure (son titre et son lien), responsable, suppléant, acteurs (chaque organisation ou
    personne avec son rôle : valider, tester, transmettre, recevoir, relire, mettre en œuvre,
    informer), fréquence, et l'identifiant de l'obligation. Les systèmes et les organisations
    sont nommés par leur identifiant, les personnes par leur nom. --person garde les
    obligations dont une personne est responsable, suppléante ou actrice ; --system celles qui
    utilisent un système ; --organization celles auxquelles une organisation prend part :
    comme actrice, par l'une de ses personnes actrice, ou par l'une de ses personnes
    responsable ou suppléante. Donnés ensemble, tous les filtres doivent être vrais.
    'report person ID' liste les obligations d'une personne ; 'report consistency' trouve les
    obligations dont le responsable ou le suppléant est parti.
    """,
    "only the duties this person is responsible for, deputy of or an actor of":
      "seulement les obligations dont cette personne est responsable, suppléante ou actrice",
    "only the duties that use this system":
      "seulement les obligations qui utilisent ce système",
    "only the duties this organisation or its people take part in":
      "seulement les obligations auxquelles cette organisation ou ses personnes prennent part",
    "the whole coordination table":
      "le tableau de coordination entier",
    "one person's duties, as CSV":
      "les obligations d'une personne, en CSV",
    "show the records added, removed and changed between two revisions or days":
      "afficher les fiches ajoutées, retirées et modifiées entre deux révisions ou deux jours",
    "A and B are commits, branches, tags or days (YYYY-MM-DD, the end of that day).":
      "A et B sont des commits, des branches, des tags ou des jours (YYYY-MM-DD, la fin de ce jour).",
    "the records the last three commits changed":
      "les fiches modifiées par les trois derniers commits",
    "what changed in the first half of 2026":
      "ce qui a changé au premier semestre 2026",
    "show, for every field of a record, the commit, author and date of its last change":
      "afficher, pour chaque champ d'une fiche, le commit, l'auteur et la date de sa dernière modification",
    """
    Through merges: a field changed on another administrator's clone is credited to the commit
    that changed it there, not to the merge that brought it; a merge is named only when it
    chose the value itself, with how (its Ledger-Resolved trailer: ours, theirs or set). The
    elements of an array the schema marks as a set (attendees, emails) are blamed one by one.
    """:
      """
    À travers les fusions : un champ modifié sur la copie d'un autre administrateur est
    attribué au commit qui l'y a modifié, pas à la fusion qui l'a apporté ; une fusion n'est
    nommée que quand elle a choisi la valeur elle-même, avec la manière (son trailer
    Ledger-Resolved : ours, theirs ou set). Les éléments d'un tableau que le schéma marque
    comme ensemble (attendees, emails) sont attribués un à un.
    """,
    "who last changed each of a person's fields, and when":
      "qui a modifié en dernier chaque champ d'une personne, et quand",
    "export records as CSV (the form 'import' reads back) or JSON":
      "exporter des fiches en CSV (la forme que relit 'import') ou en JSON",
    """
    CSV has an id column and a column per field; lists and objects are written as JSON, so
    'adminledger import KIND FILE' reads the file back into the same records.
    """:
      """
    Le CSV a une colonne id et une colonne par champ ; les listes et les objets sont écrits en
    JSON, si bien que 'adminledger import KIND FILE' relit le fichier en les mêmes fiches.
    """,
    "export only records meeting the condition (as for list)":
      "n'exporter que les fiches qui remplissent la condition (comme pour list)",
    "export the ledger as it was at a commit, or at the end of a day":
      "exporter le registre tel qu'il était à un commit, ou à la fin d'un jour",
    "export the people to edit in a spreadsheet and import back":
      "exporter les personnes pour les modifier dans un tableur et les réimporter",
    "the active rights, one JSON object a line":
      "les droits actifs, un objet JSON par ligne",
    "export the mailing service's contact list (EMAIL;FIRSTNAME;LASTNAME;SMS)":
      "exporter la liste de contacts du service d'envoi de courriels (EMAIL;FIRSTNAME;LASTNAME;SMS)",
    """
    One line per active member with a paid-up membership and an email, in the form the
    mailing service (Brevo) imports: ';' separators, last names in capitals, mobile numbers
    in international form.
    """:
      """
    Une ligne par membre actif à jour de cotisation et ayant une adresse, sous la forme
    qu'importe le service d'envoi de courriels (Brevo) : séparateurs ';', noms de famille en
    capitales, numéros de mobile sous forme internationale.
    """,
    "the file to import into the mailing service":
      "le fichier à importer dans le service d'envoi de courriels",
    "list the records of a kind, filtered and sorted":
      "lister les fiches d'un type, filtrées et triées",
    """
    A condition is FIELD OP VALUE with OP one of = != < <= > >= ~ (contains, ignoring case),
    or FIELD in A,B,C, or FIELD (present), or !FIELD (absent). Several --where are all met.
    FIELD may be a dotted path into nested fields and may follow references:
    account.person.organization=cen-paca on rights. Dates, numbers and amounts compare by
    value; a list field matches when one of its items does (functions=delegate); the value
    today stands for today's date (end<today).
    --sort takes fields separated by commas, - before a field for descending (-end).
    The table shows the id and the kind's main fields (or --fields) and fits the terminal.
    JSON is an array of records with "id" added; NDJSON one per line; CSV one row each.
    """:
      """
    Une condition est FIELD OP VALUE avec OP parmi = != < <= > >= ~ (contient, sans tenir compte
    de la casse), ou FIELD in A,B,C, ou FIELD (présent), ou !FIELD (absent). Plusieurs --where
    doivent tous être remplis. FIELD peut être un chemin pointé dans des champs imbriqués et
    suivre des références : account.person.organization=cen-paca sur les droits. Les dates,
    nombres et montants se comparent par valeur ; un champ liste correspond quand l'un de ses
    éléments correspond (functions=delegate) ; la valeur today désigne la date du jour
    (end<today).
    --sort prend des champs séparés par des virgules, - devant un champ pour l'ordre
    décroissant (-end). Le tableau montre l'identifiant et les champs principaux du type (ou
    --fields) et tient dans la largeur du terminal. Le JSON est un tableau des fiches avec "id"
    en plus ; le NDJSON une fiche par ligne ; le CSV une ligne chacune.
    """,
    "keep records meeting the condition":
      "garder les fiches qui remplissent la condition",
    "sort by these fields (-FIELD for descending)":
      "trier par ces champs (-FIELD pour l'ordre décroissant)",
    "the columns to show, separated by commas":
      "les colonnes à montrer, séparées par des virgules",
    "show at most N records":
      "afficher au plus N fiches",
    "the delegates, by name":
      "les délégués, par nom",
    "the rights of one organisation's people":
      "les droits des personnes d'une organisation",
    "large payments, as CSV":
      "les gros paiements, en CSV",
    "write an organisation's access review: the active rights its people hold or validated, to keep or revoke":
      "écrire la revue d'accès d'une organisation : les droits actifs que ses personnes détiennent ou ont validés, à garder ou à retirer",
    """
    One row per active right held by the organisation's people (their organization) or
    validated by them (validated_by): right, person, name, login, system, role, status,
    temporary, end, validated_by, validated_on, last_seen (when the account was last seen),
    then three columns for the partner: decision (keep or revoke; garder or retirer),
    reason (why a right is revoked) and reviewer (the organisation's id, written in
    advance; the id of the person who reviewed may replace it). CSV by default.
    Import the filled file with 'adminledger import rights FILE --profile access-review':
    kept rights are validated today (validated_by becomes the reviewer when it names a
    person), revoked ones get status revoked and the reason (or "revoked at
    ORGANIZATION's access review of DAY"), rows without a decision stay as they are. One
    commit, or none when the file changes nothing; any bad row refuses the whole file.
    With review_interval in ledger.json (such as "1y"), 'report expiring' lists the rights
    whose last validation runs out.
    """:
      """
    Une ligne par droit actif détenu par les personnes de l'organisation (leur organization) ou
    validé par elles (validated_by) : right, person, name, login, system, role, status,
    temporary, end, validated_by, validated_on, last_seen (quand le compte a servi pour la
    dernière fois), puis trois colonnes pour le partenaire : decision (garder ou retirer ;
    keep ou revoke), reason (pourquoi un droit est retiré) et reviewer (l'identifiant de
    l'organisation, écrit d'avance ; celui de la personne qui a relu peut le remplacer). CSV
    par défaut.
    Importez le fichier rempli avec 'adminledger import rights FILE --profile access-review' :
    les droits gardés sont validés aujourd'hui (validated_by devient le relecteur quand il
    nomme une personne), les droits retirés prennent le statut revoked et la raison (ou
    "revoked at ORGANIZATION's access review of DAY"), les lignes sans décision restent telles
    quelles. Un commit, ou aucun quand le fichier ne change rien ; une seule ligne fautive fait
    refuser tout le fichier.
    Avec review_interval dans ledger.json (comme "1y"), 'report expiring' liste les droits dont
    la dernière validation arrive à son terme.
    """,
    "the review file to send to an organisation":
      "le fichier de revue à envoyer à une organisation",
    "forget a person: rewrite the history without their personal values, with a signed erasure record":
      "oublier une personne : réécrire l'historique sans ses valeurs personnelles, avec une fiche d'effacement signée",
    """
    Rewrites every commit of the branch without the person's personal values: their record
    loses its personal fields (emails, phone, notes: the fields the schema marks x-personal)
    and its name, and takes a neutral id (forgotten-xxxxx) that every reference follows; their
    former id, names, emails and phones are replaced wherever they were written, in any
    record, file or commit message. What is not personal (amounts, dates, statuses, the work
    administrators did) stays, and so does the authorship of commits unless ledger.json's
    policy sets erase_authorship. An erasure record (erasures/ID.json: who, when, why, which
    fields, and each rewritten commit's former id) is committed on top, signed as any commit:
    the audit verifies it against the former history while that is at hand, and the shared
    repository's hook admits the rewrite only with it, from a role with forget_people.

    Run it in a clone in step with the shared repository (sync first). Then 'adminledger
    sync' pushes the rewrite and drops the former history's objects from this clone; every
    other clone's next sync follows it, moves its unpublished commits onto it and drops the
    former objects too. --dry-run says what would be rewritten and changes nothing.
    """:
      """
    Réécrit chaque commit de la branche sans les valeurs personnelles de la personne : sa fiche
    perd ses champs personnels (emails, phone, notes : les champs que le schéma marque
    x-personal) et son nom, et prend un identifiant neutre (forgotten-xxxxx) que chaque
    référence suit ; son ancien identifiant, ses noms, adresses et numéros sont remplacés
    partout où ils étaient écrits, dans toute fiche, tout fichier ou tout message de commit.
    Ce qui n'est pas personnel (montants, dates, statuts, le travail des administrateurs)
    reste, de même que les auteurs des commits, sauf si la politique de ledger.json fixe
    erase_authorship. Une fiche d'effacement (erasures/ID.json : qui, quand, pourquoi, quels
    champs, et l'ancien identifiant de chaque commit réécrit) est commitée par-dessus, signée
    comme tout commit : l'audit la vérifie sur l'ancien historique tant qu'il est disponible,
    et le hook du dépôt partagé n'admet la réécriture qu'avec elle, venant d'un rôle qui a
    forget_people.

    Lancez-la dans une copie à jour du dépôt partagé (sync d'abord). Ensuite 'adminledger
    sync' pousse la réécriture et retire de cette copie les objets de l'ancien historique ;
    la synchronisation suivante de chaque autre copie la suit, y replace ses commits non
    publiés et retire aussi les anciens objets. --dry-run dit ce qui serait réécrit et ne
    change rien.
    """,
    "why: the request and its date, the legal ground (kept in the erasure record)":
      "pourquoi : la demande et sa date, le fondement juridique (gardés dans la fiche d'effacement)",
    "say what would be rewritten, change nothing":
      "dire ce qui serait réécrit, sans rien changer",
    "see what erasing a person would rewrite":
      "voir ce que l'effacement d'une personne réécrirait",
    "report rights people's functions call for and they lack, and rights no function of theirs calls for; exit 1 when any":
      "rapport des droits qu'appellent les fonctions des personnes et qui leur manquent, et des droits qu'aucune de leurs fonctions n'appelle ; code de sortie 1 s'il y en a",
    """
    ledger.json's "entitlements" map each function (people's functions: delegate, deputy,
    board, treasurer...) to the roles on systems it calls for, such as
    "delegate": [{"role": "delegate", "system": "dolibarr"}]. A person is entitled to what
    all their functions call for. "Missing" lists each such right they do not hold as an
    active right through one of their accounts, with their accounts on the system ("no
    account" when they have none). "Not justified by any function" lists the active rights
    that none of their holder's functions calls for, with who granted them (granted_by, else
    the author of the commit that made the right active) and when (start, else validated_on,
    else that commit's day), the reason recorded, and the functions that would call for them.
    Only systems some entitlement names are judged for unjustified rights: a system no
    function calls for is granted case by case. Roles match exactly. Exceptions are fine:
    record their reason in the right; they stay listed, for the audit.
    Exits 1 when something is listed, or when an entitlement names a system that does not
    exist or a role it does not offer.
    """:
      """
    Les "entitlements" de ledger.json associent chaque fonction (les fonctions des personnes :
    delegate, deputy, board, treasurer...) aux rôles sur des systèmes qu'elle appelle, comme
    "delegate": [{"role": "delegate", "system": "dolibarr"}]. Une personne a droit à ce
    qu'appellent toutes ses fonctions. « Manquants » liste chacun de ces droits qu'elle ne
    détient pas comme droit actif par l'un de ses comptes, avec ses comptes sur le système
    (« pas de compte » quand elle n'en a pas). « Justifiés par aucune fonction » liste les
    droits actifs qu'aucune fonction de leur titulaire n'appelle, avec qui les a accordés
    (granted_by, sinon l'auteur du commit qui a rendu le droit actif) et quand (start, sinon
    validated_on, sinon le jour de ce commit), la raison enregistrée, et les fonctions qui les
    appelleraient. Seuls les systèmes qu'un entitlement nomme sont jugés pour les droits
    injustifiés : un système qu'aucune fonction n'appelle s'accorde au cas par cas. Les rôles
    doivent correspondre exactement. Les exceptions sont permises : notez leur raison dans le
    droit ; elles restent listées, pour l'audit.
    Sort avec 1 quand quelque chose est listé, ou quand un entitlement nomme un système qui
    n'existe pas ou un rôle qu'il n'offre pas.
    """,
    "rights missing or not justified by people's functions":
      "les droits manquants ou justifiés par aucune fonction des personnes",
    "the same, for one system":
      "la même chose, pour un système",
    "drop the former history once a rewrite that forgets a person is received (run by the post-receive hook)":
      "retirer l'ancien historique une fois reçue une réécriture qui oublie une personne (lancé par le hook post-receive)",
    """
    Reads what git gives a post-receive hook: one 'OLD NEW REFNAME' line per reference the
    push updated. When the ledger's branch was rewritten (which the pre-receive hook admits
    only as an erasure: 'adminledger forget'), every object no reference reaches any more is
    dropped from the repository, with the reflogs and the caches built from the former
    history: nothing of the forgotten person stays on the server. Any other push changes
    nothing. 'adminledger hook install pre-receive' installs this hook too.
    """:
      """
    Lit ce que git donne à un hook post-receive : une ligne 'OLD NEW REFNAME' par référence que
    le push a mise à jour. Quand la branche du registre a été réécrite (ce que le hook
    pre-receive n'admet que pour un effacement : 'adminledger forget'), chaque objet
    qu'aucune référence n'atteint plus est retiré du dépôt, avec les reflogs et les caches
    construits sur l'ancien historique : rien de la personne oubliée ne reste sur le serveur.
    Tout autre push ne change rien. 'adminledger hook install pre-receive' installe aussi ce
    hook.
    """,
    "what the server's post-receive hook runs":
      "ce que lance le hook post-receive du serveur",
    "validate the ledger files staged for a git commit (run by the pre-commit hook)":
      "valider les fichiers du registre indexés pour un commit git (lancé par le hook pre-commit)",
    "Exits 1, refusing the commit, when a staged record is invalid or breaks a rule.":
      "Sort avec 1, en refusant le commit, quand une fiche indexée est invalide ou enfreint une règle.",
    "what the pre-commit hook runs; 'hook install' sets it up":
      "ce que lance le hook pre-commit ; 'hook install' l'installe",
    "install the hooks and the merge driver for plain git commits, merges and pulls (once per clone), or the shared repository's pre-receive hook":
      "installer les hooks et le pilote de fusion pour les commits, fusions et pulls faits avec git (une fois par copie), ou le hook pre-receive du dépôt partagé",
    """
    Installs the pre-commit and pre-merge-commit hooks, which validate what a plain 'git
    commit' or 'git merge' commits, and registers the merge driver that makes 'git pull' merge
    records field by field. A ledger made before the merge driver existed also gets its
    .gitattributes committed. It pins what the clone trusts without proof (the ledger's first
    commit and its key, in .git/adminledger/trust.json), makes the clone sign its commits
    with --signing-key or the key git's configuration names (gpg.format ssh, commit.gpgsign
    true: plain 'git commit' is signed too), writes the people's keys as git's allowed-signers
    file, and prints what it set.

    'hook install pre-receive --repo BARE_REPO' installs instead the server's hook of the
    shared bare repository the clones push to, BARE_REPO/hooks/pre-receive: on every push it
    runs 'adminledger hook pre-receive', which refuses a push that deletes or rewrites the
    ledger's branch or whose commits the audit finds fault with, whichever git client pushed
    it (see 'adminledger hook pre-receive --help'). adminledger must be installed on the
    server; the hook calls it by the path this command ran from, then 'adminledger' on PATH.
    The ledger's branch is BRANCH, else the one the hook would find (HEAD's branch when it
    holds ledger.json, else the only branch that does); it is recorded in the repository's
    git configuration as adminledger.branch, where the hook reads it first, and named. A
    repository made by 'git init --bare' names master in HEAD whatever the clones push.
    - A bare repository reached over ssh: run this command on the server, as the user that
      owns the repository (the one the pushes run as).
    - Gitea: git hooks are off until an administrator enables them (app.ini, [security]
      DISABLE_GIT_HOOKS = false) and lets the user edit them. Gitea keeps its own
      hooks/pre-receive, so set the repository's Settings > Git Hooks > pre-receive to the
      two lines '#!/bin/sh' and 'exec /PATH/TO/adminledger hook pre-receive' instead (Gitea
      stores them in hooks/pre-receive.d/ and passes the push on to them).
    - GitLab (self-managed): a server administrator sets server hooks, not the web
      interface. Put the same two lines in custom_hooks/pre-receive; from GitLab 15.11,
      load a tar of custom_hooks/ with 'gitaly hooks set --storage STORAGE --repository
      RELATIVE_PATH --config CONFIG' (the relative path is shown under Admin area >
      Projects); earlier versions read custom_hooks/ inside the repository's folder on
      disk. adminledger must be installed on each Gitaly server.
    """:
      """
    Installe les hooks pre-commit et pre-merge-commit, qui valident ce que commitent un 'git
    commit' ou un 'git merge', et enregistre le pilote de fusion qui fait fusionner les fiches
    champ par champ à 'git pull'. Un registre créé avant que le pilote de fusion n'existe
    reçoit aussi son .gitattributes commité. Il fixe ce que la copie croit sans preuve (le
    premier commit du registre et sa clé, dans .git/adminledger/trust.json), fait signer les
    commits de la copie avec --signing-key ou la clé que nomme la configuration de git
    (gpg.format ssh, commit.gpgsign true : 'git commit' est signé lui aussi), écrit les clés
    des personnes dans le fichier allowed-signers de git, et affiche ce qu'il a réglé.

    'hook install pre-receive --repo BARE_REPO' installe à la place le hook serveur du dépôt
    nu partagé vers lequel les copies poussent, BARE_REPO/hooks/pre-receive : à chaque push il
    lance 'adminledger hook pre-receive', qui refuse un push qui supprime ou réécrit la branche
    du registre ou dont l'audit des commits trouve une faute, quel que soit le client git qui
    a poussé (voir 'adminledger hook pre-receive --help'). adminledger doit être installé sur
    le serveur ; le hook l'appelle par le chemin d'où cette commande a été lancée, puis
    'adminledger' dans le PATH. La branche du registre est BRANCH, sinon celle que le hook
    trouverait (la branche de HEAD quand elle contient ledger.json, sinon la seule branche qui
    le contient) ; elle est enregistrée dans la configuration git du dépôt comme
    adminledger.branch, où le hook la lit d'abord, et nommée. Un dépôt créé par
    'git init --bare' nomme master dans HEAD quoi que poussent les copies.
    - Un dépôt nu atteint par ssh : lancez cette commande sur le serveur, avec l'utilisateur
      propriétaire du dépôt (celui sous lequel les pushs s'exécutent).
    - Gitea : les hooks git sont désactivés tant qu'un administrateur ne les active pas
      (app.ini, [security] DISABLE_GIT_HOOKS = false) et ne laisse pas l'utilisateur les
      modifier. Gitea garde son propre hooks/pre-receive : réglez plutôt Settings > Git Hooks >
      pre-receive du dépôt sur les deux lignes '#!/bin/sh' et
      'exec /PATH/TO/adminledger hook pre-receive' (Gitea les range dans hooks/pre-receive.d/
      et leur transmet le push).
    - GitLab (auto-hébergé) : un administrateur du serveur règle les hooks serveur, pas
      l'interface web. Mettez les deux mêmes lignes dans custom_hooks/pre-receive ; depuis
      GitLab 15.11, chargez une archive tar de custom_hooks/ avec 'gitaly hooks set --storage
      STORAGE --repository RELATIVE_PATH --config CONFIG' (le chemin relatif est affiché sous
      Admin area > Projects) ; les versions précédentes lisent custom_hooks/ dans le dossier
      du dépôt sur le disque. adminledger doit être installé sur chaque serveur Gitaly.
    """,
    "with pre-receive: the shared bare repository to install the hook in":
      "avec pre-receive : le dépôt nu partagé où installer le hook",
    "with pre-receive: the branch that holds the ledger (default: found as the hook finds it)":
      "avec pre-receive : la branche qui contient le registre (par défaut : trouvée comme le hook la trouve)",
    "set up the hooks and merge driver in this clone":
      "installer les hooks et le pilote de fusion dans cette copie",
    "set up the shared repository's hook, on the server":
      "installer le hook du dépôt partagé, sur le serveur",
    "refuse a push to the shared repository that breaks the ledger's policy (run by its pre-receive hook)":
      "refuser un push vers le dépôt partagé qui enfreint la politique du registre (lancé par son hook pre-receive)",
    """
    Reads what git gives a pre-receive hook in a bare repository: one 'OLD NEW REFNAME' line
    per reference the push updates. Only the ledger's branch is checked;
    other branches and tags go through untouched, once the ledger's branch is known: BRANCH,
    else the one the repository's git configuration names (adminledger.branch, which 'hook
    install pre-receive' records), else HEAD's branch when it holds ledger.json, else the
    only branch holding ledger.json at its root; in a repository with no branch yet, the one
    branch holding ledger.json that the push creates. When it cannot be told (several
    branches hold a ledger, or none does), every push is refused, saying why: the hook fails
    closed, as it does when anything goes wrong while it judges a push. The push is
    refused (exit 1: git then refuses every reference of the push, and shows the pusher these
    lines prefixed with 'remote:') when it deletes the ledger's branch, rewrites it (the new
    commit does not descend from the branch's: a force push of a rebased, amended or reset
    branch), leaves no ledger.json, or when the audit of the pushed commits (all of the new
    commit's history when the push creates the branch) finds anything: an unknown author, a
    change outside the author's roles, a forged approval, an invalid result or a file validate
    refuses, a missing or wrong signature, a backdated commit, an evil merge. Roles and keys
    are judged no earlier than the day the push is received, less policy.offline_grace_days.
    Each finding is printed with its commit, its author and the rule. Install it with
    'adminledger hook install pre-receive --repo BARE_REPO'.
    """:
      """
    Lit ce que git donne à un hook pre-receive dans un dépôt nu : une ligne 'OLD NEW REFNAME'
    par référence que le push met à jour. Seule la branche du registre est vérifiée ; les
    autres branches et les tags passent sans contrôle, une fois la branche du registre
    connue : BRANCH, sinon celle que nomme la configuration git du dépôt (adminledger.branch,
    que 'hook install pre-receive' enregistre), sinon la branche de HEAD quand elle contient
    ledger.json, sinon la seule branche qui a ledger.json à sa racine ; dans un dépôt encore
    sans branche, l'unique branche contenant ledger.json que le push crée. Quand on ne peut
    pas le dire (plusieurs branches contiennent un registre, ou aucune), chaque push est
    refusé, en disant pourquoi : le hook refuse par défaut, comme quand quelque chose échoue
    pendant qu'il juge un push. Le push est refusé (code 1 : git refuse alors chaque référence
    du push, et montre à l'auteur du push ces lignes précédées de 'remote:') quand il supprime
    la branche du registre, la réécrit (le nouveau commit ne descend pas de celui de la
    branche : un push forcé d'une branche rebasée, amendée ou réinitialisée), ne laisse pas de
    ledger.json, ou quand l'audit des commits poussés (tout l'historique du nouveau commit quand
    le push crée la branche) trouve quoi que ce soit : un auteur inconnu, une modification hors
    des rôles de l'auteur, une approbation falsifiée, un résultat invalide ou un fichier que
    validate refuse, une signature absente ou fausse, un commit antidaté, une fusion
    malveillante. Les rôles et les clés sont jugés au plus tôt au jour où le push est reçu,
    moins policy.offline_grace_days. Chaque constat est affiché avec son commit, son auteur et
    la règle. Installez-le avec 'adminledger hook install pre-receive --repo BARE_REPO'.
    """,
    "check pushed updates as the server's hook does":
      "vérifier des mises à jour poussées comme le fait le hook du serveur",
    "the bare repository (default: GIT_DIR, which git sets for its hooks, then the current folder)":
      "le dépôt nu (par défaut : GIT_DIR, que git fixe pour ses hooks, puis le dossier courant)",
    "the branch that holds the ledger (default: adminledger.branch, then found)":
      "la branche qui contient le registre (par défaut : adminledger.branch, puis trouvée)",
    "check every record against its schema and the cross-record rules":
      "vérifier chaque fiche par son schéma et les règles entre fiches",
    """
    Prints each finding as FILE:LINE:COL: error[RULE]: MESSAGE (at /pointer) with a hint, and
    exits 1 when there is any. Rules: schema/KEYWORD (the kind's JSON Schema), json, id,
    no-id-field, no-secret, unique, ref-exists, right-role-offered, temporary-right-end,
    active-right-on-closed-account, payment-approver, evolution-approval, ticket-closed-date.
    """:
      """
    Affiche chaque constat sous la forme FILE:LINE:COL: error[RULE]: MESSAGE (at /pointer) avec
    un conseil, et sort avec 1 s'il y en a. Règles : schema/KEYWORD (le JSON Schema du type de
    fiche), json, id, no-id-field, no-secret, unique, ref-exists, right-role-offered,
    temporary-right-end, active-right-on-closed-account, payment-approver,
    evolution-approval, ticket-closed-date.
    """,
    "validate the ledger as it was at a commit, branch or tag":
      "valider le registre tel qu'il était à un commit, une branche ou un tag",
    "check every record of the ledger":
      "vérifier chaque fiche du registre",
    "the same, for a program":
      "la même chose, pour un programme",
    "write the ledger as a static web site for reviewers: records, history, blame, reports, audit":
      "écrire le registre en site web statique pour les relecteurs : fiches, historique, auteurs des champs, rapports, audit",
    """
    Writes a folder of HTML pages that opens in any browser from the file system, with no
    server and no network: a home page (counts, validation and consistency findings, what
    expires within 60 days, the last changes), a page per kind (sortable, filterable), a
    page per record (its fields, references both ways, history and who set each field),
    the reports (expiring, access per system, the annual report of every year and the
    activity of the last twelve months with charts, consistency), the audit (every commit
    with its author's roles, findings marked, payment approvals), a page per commit (every
    record it changed, field by field) and the changes of each month. Pages print well
    (save the annual report as PDF).
    --public leaves out personal data (emails, phones, notes on people: the fields the
    schemas mark x-personal), for funders. --for ORGANIZATION keeps only what concerns a
    partner: its people, their accounts and rights, the rights it validated, its trainings
    and requests; nobody else is named, linked or counted. --since marks on every page what
    changed after a previous review.
    OUT is replaced whole when it holds a site written before; a folder holding anything
    else is refused. Written again into the same folder, the site makes only the pages the
    new commits can have changed and audits only those commits.
    """:
      """
    Écrit un dossier de pages HTML qui s'ouvre dans tout navigateur depuis le système de
    fichiers, sans serveur ni réseau : une page d'accueil (effectifs, constats de validation et
    de cohérence, ce qui expire dans les 60 jours, les dernières modifications), une page par
    type de fiche (triable, filtrable), une page par fiche (ses champs, ses références dans les
    deux sens, son historique et qui a donné chaque champ), les rapports (échéances, accès par
    système, le rapport annuel de chaque année et l'activité des douze derniers mois avec
    graphiques, cohérence), l'audit (chaque commit avec les rôles de son auteur, constats
    signalés, approbations de paiement), une page par commit (chaque fiche qu'il a modifiée,
    champ par champ) et les modifications de chaque mois. Les pages s'impriment bien
    (enregistrez le rapport annuel en PDF).
    --public laisse de côté les données personnelles (adresses, téléphones, notes sur les
    personnes : les champs que les schémas marquent x-personal), pour les financeurs.
    --for ORGANIZATION ne garde que ce qui concerne un partenaire : ses personnes, leurs
    comptes et leurs droits, les droits qu'il a validés, ses formations et ses demandes ;
    personne d'autre n'est nommé, lié ni compté. --since signale sur chaque page ce qui a
    changé depuis une relecture précédente.
    OUT est remplacé en entier quand il contient un site écrit auparavant ; un dossier qui
    contient autre chose est refusé. Écrit de nouveau dans le même dossier, le site ne refait
    que les pages que les nouveaux commits ont pu changer et n'audite que ces commits.
    """,
    "show the ledger as it was at a commit, or at the end of a day":
      "montrer le registre tel qu'il était à un commit, ou à la fin d'un jour",
    "leave out personal data, for sharing outside the organisation":
      "laisser de côté les données personnelles, pour partager hors de l'organisation",
    "show only what concerns this organisation, for a partner":
      "ne montrer que ce qui concerne cette organisation, pour un partenaire",
    "write the review site into the folder review-site":
      "écrire le site de revue dans le dossier review-site",
    "the pages one organisation may see":
      "les pages qu'une organisation peut voir",
    "create a ledger (and a git repository, unless PATH is already inside one)":
      "créer un registre (et un dépôt git, sauf si PATH est déjà dans un dépôt)",
    """
    PATH defaults to the current folder. Inside an existing repository the ledger sits in
    PATH as a subfolder of it. The first commit holds ledger.json. A pre-commit hook is
    installed so that a plain 'git commit' of an invalid record is refused too.
    """:
      """
    PATH est par défaut le dossier courant. Dans un dépôt existant, le registre occupe PATH
    comme sous-dossier du dépôt. Le premier commit contient ledger.json. Un hook pre-commit
    est installé pour qu'un 'git commit' d'une fiche invalide soit refusé lui aussi.
    """,
    "the ledger's name (default: the folder's name)":
      "le nom du registre (par défaut : le nom du dossier)",
    "IANA time zone where \"today\" is computed (default: Europe/Paris)":
      "fuseau horaire IANA où « aujourd'hui » est calculé (par défaut : Europe/Paris)",
    "ISO 4217 currency of amounts (default: EUR)":
      "devise ISO 4217 des montants (par défaut : EUR)",
    "create a ledger in the new folder biodiv":
      "créer un registre dans le nouveau dossier biodiv",
    "make a ledger of the current folder":
      "faire un registre du dossier courant",
    "AdminLedger manual":
      "Manuel d'AdminLedger",
    "NAME":
      "NOM",
    "an organisation's administration records, kept in git":
      "les fiches administratives d'une organisation, tenues dans git",
    "SYNOPSIS":
      "SYNOPSIS",
    "DESCRIPTION":
      "DESCRIPTION",
    """
    AdminLedger keeps an organisation's administration records (people, accounts, rights,
    systems, contracts, payments, tickets, trainings, duties) as JSON files in a git
    repository, validates every change against the ledger's schemas and rules, and reports
    on them. Each command below is typed after adminledger; 'adminledger COMMAND --help'
    prints the same text.
    """:
      """
    AdminLedger tient les fiches administratives d'une organisation (personnes, comptes,
    droits, systèmes, contrats, paiements, tickets, formations, obligations) en fichiers JSON
    dans un dépôt git, valide chaque modification par les schémas et les règles du registre,
    et en fait des rapports. Chaque commande ci-dessous se tape après adminledger ;
    'adminledger COMMAND --help' affiche le même texte.
    """,
    "COMMANDS":
      "COMMANDES",
    "OPTIONS EVERY COMMAND TAKES":
      "OPTIONS DE TOUTES LES COMMANDES",
    "EXIT STATUS":
      "CODE DE RETOUR",
    "0 ok, 1 findings (invalid data, refused write), 2 bad usage, 3 failure.":
      "0 succès, 1 constats (données invalides, écriture refusée), 2 mauvaise utilisation, 3 échec.",
    "ENVIRONMENT":
      "ENVIRONNEMENT",
    "SEE ALSO":
      "VOIR AUSSI",
    "options:":
      "options :",
    "output formats: {1}":
      "formats de sortie : {1}",
    "examples:":
      "exemples :",
    "the language to write in (en or fr), when --lang is not given":
      "la langue des messages (en ou fr), sans --lang",
    "the language, when neither --lang nor ADMINLEDGER_LANG says it":
      "la langue, quand ni --lang ni ADMINLEDGER_LANG ne la donnent",
    "who makes the changes, as \"NAME <EMAIL>\", when --author is not given":
      "qui fait les modifications, sous la forme \"NAME <EMAIL>\", sans --author",
    "when set and not empty, no colour in the output":
      "défini et non vide : pas de couleur dans la sortie",
    "adminledger {1}: an organisation's administration records, kept in git":
      "adminledger {1} : les fiches administratives d'une organisation, tenues dans git",
    "usage: adminledger COMMAND [ARGUMENTS] [OPTIONS]":
      "utilisation : adminledger COMMAND [ARGUMENTS] [OPTIONS]",
    "commands:":
      "commandes :",
    "options every command takes:":
      "options de toutes les commandes :",
    "Run 'adminledger COMMAND --help' for a command's details.":
      "Lancez 'adminledger COMMAND --help' pour le détail d'une commande.",
    "Exit codes: 0 ok, 1 findings (invalid data, refused write), 2 bad usage, 3 failure.":
      "Codes de sortie : 0 succès, 1 constats (données invalides, écriture refusée), 2 mauvaise utilisation, 3 échec.",
    "usage: adminledger {1} COMMAND [ARGUMENTS] [OPTIONS]":
      "utilisation : adminledger {1} COMMAND [ARGUMENTS] [OPTIONS]",
    "commands starting with '{1}':":
      "commandes commençant par '{1}' :",
    "Run 'adminledger {1} COMMAND --help' for a command's details.":
      "Lancez 'adminledger {1} COMMAND --help' pour le détail d'une commande.",
    "commands: {1}":
      "commandes : {1}",
    "print only the summary line, not each record (problems are still shown)":
      "n'afficher que la ligne de bilan, pas chaque fiche (les problèmes restent affichés)",
    "make a ledger of a folder of records (a sample, a copy): its ledger.json and records, committed once checked; into PATH when given, else in place":
      "faire un registre d'un dossier de fiches (un exemple, une copie) : son ledger.json et ses fiches, commités une fois vérifiés ; dans PATH s'il est donné, sinon sur place",
    "make a ledger of a copy of the association's sample, in the new folder association":
      "faire un registre d'une copie de l'exemple de l'association, dans le nouveau dossier association",
  ]
}

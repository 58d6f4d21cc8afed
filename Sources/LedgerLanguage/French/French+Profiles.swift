extension French {
  static let profiles: [String: String] = [
    // MARK: - Reading the files
    "a second file is read only beside a JSON export (cPanel's mailboxes and forwarders)":
      "un second fichier ne se lit qu'à côté d'un export JSON (boîtes et redirections de cPanel)",
    "compare one CSV export at a time":
      "comparez un export CSV à la fois",
    "save the program's answer as it printed it (ledger/imports/README.md)":
      "enregistrez la réponse du programme telle qu'il l'a écrite (ledger/imports/README.md)",
    "the profile {1} reads the JSON the program prints, not a CSV file":
      "le profil {1} lit le JSON qu'écrit le programme, pas un fichier CSV",
    "the profile {1} reads a CSV export, not JSON":
      "le profil {1} lit un export CSV, pas du JSON",
    "give the file ledger/imports/README.md describes for the profile, or another --profile":
      "donnez le fichier que ledger/imports/README.md décrit pour ce profil, ou un autre --profile",
    "cannot tell which system exported {1}: it is neither a CSV file with \"identifiant\" and \"nom_role\" (UsersHub), \"user_login\" (WordPress), a login and an admin column (Dolibarr) or \"EMAIL\" and \"LIST_IDS\" (Brevo), nor cPanel's Email answers, nor Matomo's users":
      "impossible de savoir quel système a exporté {1} : ce n'est ni un fichier CSV avec \"identifiant\" et \"nom_role\" (UsersHub), \"user_login\" (WordPress), une colonne de login et une d'administrateur (Dolibarr) ou \"EMAIL\" et \"LIST_IDS\" (Brevo), ni les réponses Email de cPanel, ni les utilisateurs de Matomo",

    // MARK: - Matomo
    "Matomo answered with an error: {1}":
      "Matomo a répondu par une erreur : {1}",
    "this is not Matomo's list of users: a JSON array of users was expected":
      "ce n'est pas la liste des utilisateurs de Matomo : un tableau JSON d'utilisateurs était attendu",
    "save the answer of UsersManager.getUsersPlusRole with format=JSON (ledger/imports/README.md)":
      "enregistrez la réponse de UsersManager.getUsersPlusRole avec format=JSON (ledger/imports/README.md)",
    "a user without a login":
      "un utilisateur sans login",
    "each user is an object with at least \"login\" and \"superuser_access\"":
      "chaque utilisateur est un objet avec au moins \"login\" et \"superuser_access\"",
    "{1} is invited and has not accepted yet; it counts as not on the system":
      "{1} est invité et n'a pas encore accepté ; il compte comme absent du système",

    // MARK: - cPanel
    "no answer of Email list_pops: the mailboxes are needed":
      "aucune réponse de Email list_pops : les boîtes aux lettres sont nécessaires",
    "save the output of 'uapi --output=json Email list_pops' and give it beside the forwarders":
      "enregistrez la sortie de 'uapi --output=json Email list_pops' et donnez-la à côté des redirections",
    "the answer of {1} holds no list in result.data":
      "la réponse de {1} n'a pas de liste dans result.data",
    "cPanel reported an error: {1}":
      "cPanel a signalé une erreur : {1}",
    "run the uapi command again on the host and save its whole output":
      "relancez la commande uapi sur l'hébergement et enregistrez toute sa sortie",
    "a mailbox without an email address":
      "une boîte aux lettres sans adresse e-mail",
    "{1} is the cPanel account's main mailbox, the host's account; it is left out":
      "{1} est la boîte principale du compte cPanel, le compte de l'hébergement ; elle est laissée de côté",
    "a forwarder without \"dest\" and \"forward\"":
      "une redirection sans \"dest\" ni \"forward\"",

    // MARK: - Brevo
    "this is not a Brevo contact export: no column \"EMAIL\" and \"LIST_IDS\"":
      "ce n'est pas un export de contacts Brevo : pas de colonne \"EMAIL\" et \"LIST_IDS\"",
    "export the contacts with their lists (ledger/imports/README.md)":
      "exportez les contacts avec leurs listes (ledger/imports/README.md)",
    "{1} is blocklisted in Brevo (unsubscribed or bouncing): it receives nothing and is not compared":
      "{1} est sur liste de blocage dans Brevo (désinscrit ou en erreur) : il ne reçoit rien et n'est pas comparé",
    "the list {1} has no rule in the system record's lists: who is on it is not compared":
      "la liste {1} n'a pas de règle dans les listes de la fiche du système : qui y figure n'est pas comparé",
    "the system record describes no lists, so nothing says who belongs on them":
      "la fiche du système ne décrit aucune liste, donc rien ne dit qui doit y figurer",
    "give the system its lists, with the functions and membership statuses that belong on each (lists: [{\"id\": 2, \"name\": \"Members\", \"functions\": [\"member\"], \"member_status\": [\"active\"]}])":
      "donnez au système ses listes, avec les fonctions et statuts d'adhésion qui y ont leur place (lists: [{\"id\": 2, \"name\": \"Members\", \"functions\": [\"member\"], \"member_status\": [\"active\"]}])",

    // MARK: - Report
    "{1} is the address of {2}, who left (member {3})":
      "{1} est l'adresse de {2}, qui est parti (membre {3})",
    "no person of the ledger has the address {1}":
      "aucune personne du registre n'a l'adresse {1}",
    "last seen {1} (the ledger: {2})":
      "vu pour la dernière fois le {1} (le registre : {2})",
    "last seen {1} (the ledger: never recorded)":
      "vu pour la dernière fois le {1} (le registre : jamais noté)",
    "forwards nowhere (the ledger: to {1})":
      "ne redirige nulle part (le registre : vers {1})",
    "forwards to {1} (the ledger: nowhere)":
      "redirige vers {1} (le registre : nulle part)",
    "forwards to {1} (the ledger: to {2})":
      "redirige vers {1} (le registre : vers {2})",
    "the ledger decides who is on {1}'s lists: add and remove these contacts in the mailing service":
      "le registre décide qui figure sur les listes de {1} : ajoutez et retirez ces contacts dans le service d'envoi",
    "the ledger decides who is on {1}'s lists: --update has nothing to change in the ledger":
      "le registre décide qui figure sur les listes de {1} : --update n'a rien à changer dans le registre",
    "add and remove the contacts the report lists in the mailing service, then run the report again":
      "ajoutez et retirez dans le service d'envoi les contacts que le rapport liste, puis relancez le rapport",

    // MARK: - Help
    "usershub-roles, wordpress-users, dolibarr-users, cpanel-email, matomo-users or brevo-contacts (default: guessed from the file)":
      "usershub-roles, wordpress-users, dolibarr-users, cpanel-email, matomo-users ou brevo-contacts (par défaut : deviné d'après le fichier)",
    "compare the host's mailboxes and forwarders with the ledger":
      "comparer les boîtes aux lettres et redirections de l'hébergement avec le registre",
    """
    Reads FILE, the system's own export of its accounts, and compares it with the ledger's
    accounts on SYSTEM (matched by login) and the roles of their active rights. Findings:
    missing-in-ledger (the system has the account, the ledger has no open one),
    missing-in-system (the ledger says active, the system no longer lists it),
    role-differs, group-differs, suspended-in-system, forward-differs and last-seen; not-suspended-in-system
    is a mailbox the ledger suspended that the host still has open, fixed at the host. A note says when the
    person is not found, is a lapsed or resigned member, when the ledger's account is
    closed, or when a forwarder points to a leaver or to nobody's address. Exits 1 when
    there is drift, 0 when none.
    Profiles (guessed from the file when --profile is not given): usershub-roles, the
    user manager's users with their profile per application (only the rows of the
    application that is SYSTEM, found by its id or name; groups left out; the stock
    profiles Lecteur, Rédacteur, Validateur, Administrateur stand for reader, contributor,
    validator, admin); wordpress-users, WordPress's user export with wp_capabilities or
    roles; dolibarr-users, Dolibarr's user export with its groups and admin flag;
    cpanel-email, the JSON of 'uapi --output=json Email list_pops' and
    'list_forwarders' (two FILEs, or one holding both), mailboxes matched by address, a
    mailbox's forwarders its redirect_to, other forwarders the system's forwarders;
    matomo-users, the JSON of UsersManager.getUsersPlusRole (or getUsers), whose
    last_seen feeds the accounts' last_seen; brevo-contacts, Brevo's contact export with
    its lists, against the system record's lists (who belongs on each, by function and
    membership status): missing-from-list, former-member-on-list, not-entitled-on-list.
    A role the system's record does not name is a problem: --role 'NAME=ROLE' maps
    it ('NAME=' for a profile that gives nothing).
    With --update, one commit brings the ledger in line: a new account for each account
    the ledger lacks (its person found by email, else by where its mail is forwarded,
    else by name: add the person first when none is), active rights for the roles the
    system gives, rights revoked for the roles it no longer gives, accounts it no longer
    lists closed today with their rights revoked, suspensions, forwarders and last-seen
    days as the system has them. Everything is validated first; nothing is written when
    a row has a problem. --dry-run shows those changes, field by field, without
    committing. Brevo's lists follow the ledger, not the other way: --update is refused.
    """:
      """
    Lit FILE, l'export des comptes fait par le système lui-même, et le compare avec les comptes
    du registre sur SYSTEM (retrouvés par login) et les rôles de leurs droits actifs.
    Constats : missing-in-ledger (le système a le compte, le registre n'en a pas d'ouvert),
    missing-in-system (le registre le dit actif, le système ne le liste plus), role-differs,
    group-differs, suspended-in-system, forward-differs et last-seen ; not-suspended-in-system est une boîte que
    le registre a suspendue et que l'hébergement garde ouverte, à corriger là-bas. Une note dit quand la personne est
    introuvable, est un membre lapsed ou resigned, quand le compte du registre est fermé, ou
    quand une redirection mène à une personne partie ou à une adresse qui n'est à personne.
    Sort avec 1 quand il y a un écart, 0 sinon.
    Profils (devinés d'après le fichier sans --profile) : usershub-roles, les utilisateurs du
    gestionnaire d'utilisateurs avec leur profil par application (seulement les lignes de
    l'application qui est SYSTEM, retrouvée par son identifiant ou son nom ; groupes laissés
    de côté ; les profils d'origine Lecteur, Rédacteur, Validateur, Administrateur valent
    reader, contributor, validator, admin) ; wordpress-users, l'export des utilisateurs de
    WordPress avec wp_capabilities ou roles ; dolibarr-users, l'export des utilisateurs de
    Dolibarr avec leurs groupes et l'indicateur administrateur ; cpanel-email, le JSON de 'uapi --output=json
    Email list_pops' et 'list_forwarders' (deux FILE, ou un seul qui contient les deux), les
    boîtes retrouvées par adresse, les redirections d'une boîte son redirect_to, les autres
    redirections les forwarders du système ; matomo-users, le JSON de
    UsersManager.getUsersPlusRole (ou getUsers), dont last_seen alimente le last_seen des
    comptes ; brevo-contacts, l'export des contacts de Brevo avec leurs listes, comparé aux
    listes de la fiche du système (qui y a sa place, par fonction et statut d'adhésion) :
    missing-from-list, former-member-on-list, not-entitled-on-list.
    Un rôle que la fiche du système ne nomme pas est un problème : --role 'NAME=ROLE'
    l'associe ('NAME=' pour un profil qui ne donne rien).
    Avec --update, un commit aligne le registre : un nouveau compte pour chaque compte qui
    manque au registre (sa personne retrouvée par adresse, sinon par l'adresse vers laquelle
    son courrier est redirigé, sinon par nom : ajoutez d'abord la personne s'il n'y en a pas),
    des droits actifs pour les rôles que le système donne, des droits révoqués pour les rôles
    qu'il ne donne plus, les comptes qu'il ne liste plus fermés aujourd'hui avec leurs droits
    révoqués, les suspensions, redirections et dates de dernière utilisation comme le système
    les a. Tout est validé d'abord ; rien n'est écrit quand une ligne a un problème. --dry-run
    montre ces modifications, champ par champ, sans commiter. Les listes de Brevo suivent le
    registre, pas l'inverse : --update est refusé.
    """,
  ]
}

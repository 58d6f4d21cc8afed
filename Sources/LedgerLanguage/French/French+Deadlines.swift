extension French {
  /// Deadlines computed from the data, `done`, and the reminders of `report expiring --format mail`.
  static let deadlines: [String: String] = [
    // report expiring: the computed deadlines, and its help
    "contract notice": "préavis de contrat",
    "payment due": "échéance de paiement",
    """
    Lists every date the schemas mark x-expiry (a temporary right's end, a contract's renewal,
    a membership's paid-until date, a temporary ledger role) on records still in force, from
    the overdue ones to those due within DURATION (default 60d; also 8w, 2m, 1y), soonest
    first. Today is computed in the ledger's time zone. With a review_interval in ledger.json
    (such as 1y), an active right whose last validation (validated_on) is older than that is
    due for an access review and listed too.
    --format ics writes the same items as an iCalendar file (RFC 5545) to import into a
    calendar: one all-day event per date, each with a UID made of the ledger's name, the
    record and the field, so importing a later export (after a date moved, say) updates the
    event instead of adding a second one.
    Contracts' notice days (renewal minus notice_days), unpaid payments' due days and duties'
    next due days (last_done plus the frequency; 'adminledger done DUTY' records one) are
    listed too.
    --format mail writes reminders: one email per person who answers for some of the items
    (a contract's manager, else who may approve payments; a payment's approver; a duty's
    responsible people; a system's responsible; who granted a right; a person for their own
    membership and roles; else the admins), in the ledger's language, from ledger.json's
    mail_from. With --output FOLDER each is a PERSON.eml file for 'sendmail -t < FILE' (the
    folder's earlier .eml files are removed); without it they go to standard output as one
    mbox, for 'formail -s sendmail -t'.
    """:
      """
    Liste chaque date que les schémas marquent x-expiry (la fin d'un droit temporaire, le
    renouvellement d'un contrat, la date de fin de cotisation d'une adhésion, un rôle
    temporaire dans le registre) sur les fiches encore en vigueur, des échéances dépassées à
    celles qui tombent dans DURATION (par défaut 60d ; aussi 8w, 2m, 1y), la plus proche
    d'abord. Aujourd'hui est calculé dans le fuseau horaire du registre. Avec un
    review_interval dans ledger.json (comme 1y), un droit actif dont la dernière validation
    (validated_on) est plus ancienne est dû pour une revue d'accès et listé aussi.
    --format ics écrit les mêmes éléments en fichier iCalendar (RFC 5545) à importer dans un
    agenda : un événement sur la journée par date, chacun avec un UID fait du nom du registre,
    de la fiche et du champ, si bien qu'importer un export plus récent (après qu'une date a
    bougé, par exemple) met l'événement à jour au lieu d'en ajouter un second.
    Le jour de préavis des contrats (renouvellement moins notice_days), l'échéance des
    paiements non réglés et la prochaine échéance des obligations (last_done plus la
    fréquence ; 'adminledger done DUTY' en enregistre une) sont listés aussi.
    --format mail écrit des rappels : un courriel par personne qui répond d'une partie des
    éléments (le gestionnaire d'un contrat, sinon qui peut approuver les paiements ;
    l'approbateur d'un paiement ; les responsables d'une obligation ; le responsable d'un
    système ; qui a accordé un droit ; une personne pour sa propre adhésion et ses rôles ;
    sinon les admins), dans la langue du registre, avec pour expéditeur le mail_from de
    ledger.json. Avec --output FOLDER, chacun est un fichier PERSON.eml pour
    'sendmail -t < FICHIER' (les anciens fichiers .eml du dossier sont supprimés) ; sans, ils
    vont sur la sortie standard en une seule mbox, pour 'formail -s sendmail -t'.
    """,
    "with --format mail: write one PERSON.eml file per reminder there":
      "avec --format mail : y écrire un fichier PERSON.eml par rappel",
    "one email per person responsible, to send with sendmail -t":
      "un courriel par personne responsable, à envoyer avec sendmail -t",
    "--output goes with --format mail": "--output va avec --format mail",
    "add --format mail, or leave --output out": "ajoutez --format mail, ou retirez --output",
    "Due: {1}": "Échéance : {1}",
    "Due: {1} – {2}": "Échéance : {1} – {2}",

    // report duties
    "last_done": "dernière fois",
    "next_due": "prochaine échéance",

    // report consistency: the built-in check on temporary rights
    "Temporary rights past their end are closed": "Les droits temporaires échus sont clos",
    "ended on {1} ({2}) and is still active: set its status to expired or revoked":
      "a pris fin le {1} ({2}) et est toujours actif : passez son statut à expired ou revoked",
    "{1} day ago": "il y a {1} jour",
    "{1} days ago": "il y a {1} jours",

    // done
    "record that a duty was done: its next due day moves":
      "enregistrer qu'une obligation a été accomplie : sa prochaine échéance avance",
    """
    Adds {on, by, note} to the duty's done list and sets last_done, in one commit whose
    message names the duty and the day. The day is today unless --on gives another one (a
    day already past: YYYY-MM-DD, or DD/MM/YYYY in a French ledger); a day in the future is
    refused. By default the one who did it is the person whose git_identities or emails hold
    the author's email. 'report expiring' lists the next due day: last_done plus the duty's
    frequency (daily, weekly, monthly, quarterly or yearly).
    """:
      """
    Ajoute {on, by, note} à la liste done de l'obligation et fixe last_done, en un commit dont
    le message nomme l'obligation et le jour. Le jour est aujourd'hui sauf si --on en donne un
    autre (un jour déjà passé : AAAA-MM-JJ, ou JJ/MM/AAAA dans un registre en français) ; un
    jour à venir est refusé. Par défaut, qui l'a fait est la personne dont les git_identities
    ou les emails contiennent l'adresse de l'auteur. 'report expiring' liste la prochaine
    échéance : last_done plus la fréquence de l'obligation (daily, weekly, monthly, quarterly
    ou yearly).
    """,
    "the day it was done (default today)": "le jour où elle a été accomplie (par défaut aujourd'hui)",
    "who did it (default the author's person)": "qui l'a accomplie (par défaut la personne de l'auteur)",
    "what was done, in a few words": "ce qui a été fait, en quelques mots",
    "the monthly check, done today": "la vérification mensuelle, faite aujourd'hui",
    "a duty done a few days ago": "une obligation accomplie il y a quelques jours",
    "--on {1} is in the future: a duty is recorded once it is done":
      "--on {1} est dans le futur : une obligation s'enregistre une fois accomplie",
    "give a day up to today ({1})": "donnez un jour jusqu'à aujourd'hui ({1})",
    "--note is empty": "--note est vide",
    "Done: {1} on {2} (commit {3})": "Accomplie : {1} le {2} (commit {3})",
    "Next due: {1}": "Prochaine échéance : {1}",
    "say what was done, or leave --note out": "dites ce qui a été fait, ou retirez --note",
    "no duty '{1}'": "aucune obligation '{1}'",
    "did you mean '{1}'? 'adminledger report duties' lists them":
      "vouliez-vous dire '{1}' ? 'adminledger report duties' les liste",
    "'adminledger report duties' lists the duties and their ids":
      "'adminledger report duties' liste les obligations et leurs identifiants",

    // report expiring --format mail
    "the reminders need a sender: ledger.json has no mail_from":
      "les rappels ont besoin d'un expéditeur : ledger.json n'a pas de mail_from",
    "add \"mail_from\": \"Ledger <ledger@example.org>\" to ledger.json, then run 'adminledger commit'":
      "ajoutez \"mail_from\": \"Registre <registre@example.org>\" à ledger.json, puis lancez 'adminledger commit'",
    "mail_from in ledger.json is not an email address: '{1}'":
      "mail_from dans ledger.json n'est pas une adresse électronique : '{1}'",
    "write it as \"Name <address@example.org>\" or \"address@example.org\"":
      "écrivez-le \"Nom <adresse@example.org>\" ou \"adresse@example.org\"",
    "warning: people/{1} has no email: {2} reminder not written":
      "avertissement : people/{1} n'a pas d'adresse électronique : {2} rappel non écrit",
    "warning: people/{1} has no email: {2} reminders not written":
      "avertissement : people/{1} n'a pas d'adresse électronique : {2} rappels non écrits",
    "{1}: {2} deadline by {3}": "{1} : {2} échéance d'ici le {3}",
    "{1}: {2} deadlines by {3}": "{1} : {2} échéances d'ici le {3}",
    "Hello {1},": "Bonjour {1},",
    "Here is what falls to you in {1} by {2} (today is {3}):":
      "Voici ce qui vous revient dans {1} d'ici le {2} (nous sommes le {3}) :",
    "Once a duty is done, record it: adminledger done DUTY":
      "Une fois une obligation accomplie, enregistrez-la : adminledger done DUTY",
    "adminledger, report expiring --format mail": "adminledger, report expiring --format mail",
    "{1}: {2}": "{1} : {2}",
    "{1} ({2}): {3}": "{1} ({2}) : {3}",
    "in {1} day": "dans {1} jour",
    "in {1} days": "dans {1} jours",
    "{1} day overdue": "{1} jour de retard",
    "{1} days overdue": "{1} jours de retard",
  ]
}

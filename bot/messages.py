"""Every user-facing string of the chat surface (help, usage lines, errors, confirmations).

Kept in one place so Slack, Discord and the console say the same thing in the same words, and so
wording can be reviewed (or one day translated) without reading code. Strings with fields use
`str.format` names; callers pass them by keyword.
"""

from __future__ import annotations

COMMAND = "/ruling"

# --- usage lines -------------------------------------------------------------------------------

USAGE = (
    "/ruling [words | <link> | subscribe <terms> | unsubscribe [<terms> | all] | subscriptions"
    " | digest [HH:MM <timezone> | off] | help]"
)
USAGE_SEARCH = "/ruling <words>  (judge, party, court or topic; filters like judge:ortiz work too)"
USAGE_URL = "/ruling <link>  (the link alone)"
USAGE_SUBSCRIBE = (
    "/ruling subscribe <topic words> [court:<name>] [judge:<name>] [outcome:<outcome>]"
    ' [party:<name>]  (quote values with spaces: party:"New York")'
)
USAGE_UNSUBSCRIBE = "/ruling unsubscribe <terms as listed> | <number> | all"
USAGE_SUBSCRIPTIONS = "/ruling subscriptions"
USAGE_DIGEST = (
    "/ruling digest HH:MM <IANA timezone>  (e.g. /ruling digest 08:00 America/Chicago)"
    " | /ruling digest off | /ruling digest"
)
USAGE_HELP = "/ruling help"

HELP = """\
*/ruling* — court rulings from the news, reduced to judge, court, outcome and parties.

`/ruling` — the 5 latest rulings
`/ruling <words>` — stored rulings matching a judge, party, court or topic, best first \
(e.g. `/ruling ortiz transit`, `/ruling judge:tolland`, `/ruling party:"New York"`)
`/ruling <link>` — summarize that article now
`/ruling subscribe <terms>` — this channel's digest only carries rulings matching these terms
`/ruling unsubscribe <terms>` · `/ruling unsubscribe <number>` · `/ruling unsubscribe all`
`/ruling subscriptions` — list this channel's subscriptions
`/ruling digest 08:00 America/Chicago` — post a daily digest here at that local time
`/ruling digest off` — stop the daily digest · `/ruling digest` — show the schedule
`/ruling help` — this text

*Subscription terms*: topic words (all must appear; quote a phrase: `"voting rights"`) and filters \
`court:` `judge:` `outcome:` `party:` — e.g. `/ruling subscribe immigration court:"9th circuit" \
outcome:blocked`. Outcomes: {outcomes}. A channel without subscriptions gets every ruling; with \
several, a ruling matching any one of them.

Ask a question in a ruling's thread ("who sued?", "what happens next?") and the answer quotes the \
article."""

# --- parse errors ------------------------------------------------------------------------------

UNKNOWN_SUBCOMMAND = "Unknown subcommand “{word}”. Did you mean “{suggestion}”?"
UNKNOWN_OPTION = "Unknown option “{word}”."
TOO_LONG = "That command is too long ({length} characters; at most {limit})."
URL_NOT_ALONE = "To summarize an article, send its link alone."
URL_IN_TERMS = "Subscriptions match words, not links."
UNBALANCED_QUOTE = "A quotation mark is not closed."
SUBSCRIBE_EMPTY = "Say what to subscribe to."
TAKES_NO_ARGUMENTS = "“{word}” takes no arguments."
DIGEST_BAD_ARGS = "The digest needs a time and a timezone, or “off”."

# --- filter errors -----------------------------------------------------------------------------

FILTER_UNKNOWN_KEY = "Unknown filter “{key}:” (use court:, judge:, outcome: or party:)."
FILTER_EMPTY_VALUE = "The filter “{key}:” needs a value, e.g. {example}."
FILTER_BAD_OUTCOME = "“{value}” is not an outcome; use one of: {choices}."
FILTER_TOO_LONG = "Those terms are too long (at most {limit} characters)."
FILTER_TOO_MANY = "Too many terms (at most {limit})."
FILTER_NOTHING = "Nothing to match: give topic words or a filter."

# --- replies -----------------------------------------------------------------------------------

LATEST_HEADER = "The {count} latest rulings:"
LATEST_ONE = "The latest ruling:"
NO_RULINGS_YET = "No rulings are stored yet. They arrive as the feeds are polled."
SEARCH_HEADER = "{shown} of {total} rulings matching “{query}”, best first:"
SEARCH_HEADER_ALL = "{total} rulings matching “{query}”, best first:"
SEARCH_HEADER_ONE = "1 ruling matches “{query}”:"
NO_MATCH = "No stored rulings match “{query}”. Try fewer words, a judge's surname or a party."

URL_RULING = "Summary of {url}:"
URL_NOT_RULING = (
    "This article does not appear to report a court ruling. Here is what was found in {url}:"
)
FETCH_FAILED = "Could not summarize {url}: {error}"

SUBSCRIBED = "Subscribed this channel to {description}."
ALREADY_SUBSCRIBED = "This channel is already subscribed to {description}."
SUBSCRIPTION_LIMIT = "This channel already has {limit} subscriptions; remove one first ({usage})."
NO_DIGEST_HINT = (
    " This channel has no daily digest yet: set one with `/ruling digest 08:00 <timezone>`."
)
UNSUBSCRIBED = "Unsubscribed this channel from {description}."
UNSUBSCRIBED_ALL = "Removed all {count} subscriptions; this channel now gets every ruling."
UNSUBSCRIBE_NOTHING = "This channel has no subscriptions; it gets every ruling."
UNSUBSCRIBE_NOT_FOUND = (
    "This channel is not subscribed to {description}. Its subscriptions:\n{listing}"
)
UNSUBSCRIBE_NUMBER_RANGE = "There is no subscription number {number}. Its subscriptions:\n{listing}"
UNSUBSCRIBE_WHICH = "This channel has {count} subscriptions; say which to remove:\n{listing}"
SUBSCRIPTIONS_NONE = (
    "This channel has no subscriptions, so its digest carries every ruling."
    " Narrow it with `/ruling subscribe <terms>`."
)
SUBSCRIPTIONS_HEADER = "This channel's digest carries rulings matching any of:"
SUBSCRIPTION_LINE = "{number}. {description}  (`{query}`)"

DIGEST_SET = "This channel's daily digest is now posted at {time} {timezone} (next: {next})."
DIGEST_OFF = "This channel's daily digest is off."
DIGEST_ALREADY_OFF = "This channel has no daily digest; nothing to turn off."
DIGEST_SHOW = "This channel's daily digest is posted at {time} {timezone} (next: {next})."
DIGEST_SHOW_OFF = (
    "This channel has no daily digest. Set one with `/ruling digest 08:00 America/Chicago`."
)
DIGEST_BAD_TIME = "“{value}” is not a time of day; use HH:MM (24-hour), e.g. 08:00."
DIGEST_BAD_TIMEZONE = "“{value}” is not a timezone; use an IANA name such as America/Chicago."

NEED_MANAGE_DIGEST = "Changing this channel's digest needs the Manage Channels permission."
NEED_MANAGE_SUBSCRIPTIONS = (
    "Changing this channel's subscriptions needs the Manage Channels permission."
)

INTERNAL_ERROR = (
    "Something went wrong while handling that command; nothing stored was lost. Please try again."
)
QUESTION_ERROR = "Something went wrong while answering that question; please ask again."

# --- digests -----------------------------------------------------------------------------------

DIGEST_HEADER = "Court rulings for {date}: {count} new"
DIGEST_HEADER_ONE = "Court ruling for {date}: 1 new"
DIGEST_EMPTY = "No new rulings today ({date})."

# --- Discord -----------------------------------------------------------------------------------

DISCORD_ASK_BUTTON = "Ask a question"
DISCORD_ASK_NUMBERED = "Ask about #{number}"
DISCORD_ASK_MODAL_TITLE = "Ask about this ruling"
DISCORD_ASK_FIELD_LABEL = "Your question"
DISCORD_ASK_FIELD_PLACEHOLDER = "Who sued? What happens next?"
DISCORD_NOT_A_LINK = "“{value}” is not a link; give the article's address (https://…)."
DISCORD_UNKNOWN_COMMAND = (
    "This bot has no such command (its commands may have just changed); see /ruling help."
)
DISCORD_NOT_IN_SERVER = "Use this command in a server channel."
DISCORD_USAGE = (
    "/ruling latest | search <words> | url <link> | subscriptions | help"
    " · /ruling-setup subscribe <terms> | unsubscribe [<terms> | all]"
    " | digest [HH:MM <timezone> | off]"
)

# --- Slack ---------------------------------------------------------------------------------------

SLACK_NOT_READY = "rulingbot is starting up; try again in a few seconds."
SLACK_MORE_RESULTS = "More results were left out; narrow the search to see them."

# --- follow-up questions in a ruling's thread ---------------------------------------------------

FOLLOWUP_NOT_SAID = "The article doesn't say."
FOLLOWUP_RATE_LIMITED = (
    "You've asked several questions in this thread in the last minute; please wait a moment."
)
FOLLOWUP_ARTICLE_GONE = (
    "The article this thread was about is no longer stored, so I can't answer questions about it."
)
FOLLOWUP_EMPTY = "Ask a question about this ruling, e.g. “who sued?” or “what happens next?”"
FOLLOWUP_FACT_LABELS = {
    "judge": "Judge",
    "judges": "Judges",
    "court": "Court",
    "outcome": "Outcome",
    "plaintiffs": "Brought by",
    "defendants": "Against",
    "decided": "Decided",
    "docket": "Docket",
    "case_name": "Case",
}

//! The quote engine's patterns, one small text each, failure cases included.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on what they check

use saywho::corpus::{Article, Rules, decode::Encoding};
use saywho::quotes::{self, QuoteKind};

/// The article `body` makes under a title, and its quotes.
fn parse(body: &str) -> (Article, Vec<quotes::Quote>) {
    let (a, _) = Article::parse(
        "t".into(),
        "t".into(),
        format!("A title\n\n{body}"),
        Encoding::Utf8,
        &Rules::builtin(),
    );
    let q = quotes::extract(&a);
    (a, q)
}

/// (quoted text, speaker or "-", kind) for each quote, scare quotes included.
fn run(body: &str) -> Vec<(String, String, QuoteKind)> {
    let (a, q) = parse(body);
    q.into_iter()
        .map(|q| {
            (
                a.body().unwrap().text[q.start..q.end].to_string(),
                q.speaker.unwrap_or_else(|| "-".into()),
                q.kind,
            )
        })
        .collect()
}

fn speakers(body: &str) -> Vec<String> {
    run(body)
        .into_iter()
        .filter(|q| q.2 != QuoteKind::Scare)
        .map(|q| q.1)
        .collect()
}

#[test]
fn appositive_role_is_not_the_speaker() {
    let q =
        run("\"This cannot stand,\" Michael Mulgrew, president of the United Federation of Teachers, said on Monday.");
    assert_eq!(q[0].1, "Michael Mulgrew");
}

#[test]
fn reported_speech() {
    let q = run("The minister, Ann Lee, said on Tuesday that taxes would rise next year.");
    assert_eq!(
        (q[0].0.as_str(), q[0].1.as_str(), q[0].2),
        ("taxes would rise next year", "Ann Lee", QuoteKind::Indirect)
    );
    // (body, what was said, who said it)
    for (body, said, who) in [
        (
            "Taxes will rise next year, Ann Lee said.",
            "Taxes will rise next year",
            "Ann Lee",
        ),
        // a verb that wants a clause takes one whose subject is a bare noun phrase
        (
            "Ann Lee suggested local companies should hire more apprentices.",
            "local companies should hire more apprentices",
            "Ann Lee",
        ),
        // a subordinate clause after the cue is part of what was said
        (
            "Ann Lee said as police entered the camp, one protester chained himself to a gate.",
            "as police entered the camp, one protester chained himself to a gate",
            "Ann Lee",
        ),
        // a day after the cue closes the sentence as "on Saturday" does
        (
            "The bridge will reopen next month, Ann Lee said Saturday.",
            "The bridge will reopen next month",
            "Ann Lee",
        ),
        (
            "The bridge will reopen next month, Ann Lee said Monday night in a statement.",
            "The bridge will reopen next month",
            "Ann Lee",
        ),
        // how often, between the cue and "that"
        (
            "Ann Lee noted several times that she looked forward to the trial.",
            "she looked forward to the trial",
            "Ann Lee",
        ),
    ] {
        let q = run(body);
        assert_eq!((q[0].0.as_str(), q[0].1.as_str()), (said, who), "{body}");
    }
    let q = run("Ann Lee denied that she had ever met him.");
    assert_eq!(q[0].1, "Ann Lee");
    let q = run("A police spokesman said the road would reopen at noon.");
    assert_eq!((q[0].1.as_str(), q[0].2), ("-", QuoteKind::Indirect));
    // a bare noun phrase as a clause's subject, its verb opening a quote
    let q = run("Ann Lee suggested companies \u{201c}should hire more apprentices.\u{201d}");
    assert_eq!((q[0].1.as_str(), q[0].2), ("Ann Lee", QuoteKind::Mixed));
    // what the listener is urged to do is what was said, from "to"; a clause after a
    // listener is not ("told the Post he hopes to…")
    let q = run("The mayor urged all residents to conserve water until the storm had passed.");
    assert_eq!(q[0].0, "to conserve water until the storm had passed");
    let q = run("Ann Lee told the Post she hopes to run again next year.");
    assert_eq!(q[0].0, "she hopes to run again next year");
    // but not a bare noun phrase as its object
    assert!(run("Ann Lee denied the charges in court on Monday.").is_empty());
}

#[test]
fn mixed_quote() {
    let q = run("Ann Lee wrote on Facebook that the decision was a “disgrace” to the town.");
    assert_eq!(q.len(), 1);
    assert_eq!((q[0].1.as_str(), q[0].2), ("Ann Lee", QuoteKind::Mixed));
}

#[test]
fn scare_quotes_are_not_attributed() {
    let q = run("The so-called “bromance” between the leaders is over, and the “reset” failed.");
    assert!(q.iter().all(|x| x.2 == QuoteKind::Scare && x.1 == "-"), "{q:?}");
}

#[test]
fn organisations_and_descriptions() {
    let q = run("The Kremlin said the talks were over.");
    assert_eq!(q[0].1, "Kremlin");
    let q = run("“We will not comment,” a company spokeswoman said.");
    assert_eq!(q[0].1, "-");
}

#[test]
fn unbalanced_marks_do_not_swallow_the_article() {
    let text = "He said “this never closes.\n\nA second paragraph, “a real quote here,” said Bob Marley.\n\nThe end.";
    let q = run(text);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "“a real quote here,”");
    assert_eq!(q[0].1, "Bob Marley");
}

#[test]
fn apostrophes_and_nested_quotes() {
    assert!(run("It's the players’ view of Russia's '90s.").is_empty());
    let q = run("“He told me ‘never again’ and left,” Tom Waits said.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "“He told me ‘never again’ and left,”");
}

#[test]
fn quotes_at_the_very_start_and_end() {
    let q = run("“Start of the text right here now,” he said");
    assert_eq!(q.len(), 1);
    let q = run("The text ends with Jane Roe saying: “the end of it all is here”");
    assert_eq!(q[0].1, "Jane Roe");
    assert!(run("“").is_empty());
    assert!(run("\"").is_empty());
}

/// Sentence → speakers of its non-scare quotes ("-" for a description or nobody): the
/// patterns the engine handles, and the cases the speakers issue listed. A new pattern is a
/// new row.
const SPEAKER_CASES: &[(&str, &[&str])] = &[
    // post-quote and inverted cues
    (
        "“We will win,” Jane Smith said. Later, “We lost,” said Jane Smith.",
        &["Jane Smith", "Jane Smith"],
    ),
    (
        "\"It is over,\" said Mr. Tom Jones, the club's chairman.",
        &["Tom Jones"],
    ),
    // pre-quote cues
    (
        "Maria Lopez said: “The plan is dead and we all know it.”",
        &["Maria Lopez"],
    ),
    (
        "Maria Lopez told reporters, \"The plan is dead and we all know it.\"",
        &["Maria Lopez"],
    ),
    (
        "According to Maria Lopez, \"the plan is dead and we all know it.\"",
        &["Maria Lopez"],
    ),
    // roles before the name
    (
        "“He looked great on stage tonight,” MSNBC host Chris Matthews said.",
        &["Chris Matthews"],
    ),
    (
        "“We are ready for them,” Vladimir Putin's spokesman Dmitry Peskov told reporters.",
        &["Dmitry Peskov"],
    ),
    // surname, pronoun and title resolve inside the article
    (
        "Angela Merkel met the press on Monday.\n\n“We stand together,” Merkel said.\n\n“Nothing changes,” she added.\n\nMrs Merkel has previously said the euro is safe.",
        &["Angela Merkel", "Angela Merkel", "Angela Merkel"],
    ),
    // a split quote, and a following paragraph that is all quote
    (
        "“The first part is here,” said John Doe, a farmer, “and the second part is here.”\n\n“A whole paragraph more of what he thinks about it all.”",
        &["John Doe", "John Doe", "John Doe"],
    ),
    // a signed pull quote
    (
        "“The most unqualified child to ever run for president.” ― Francisco Herrero",
        &["Francisco Herrero"],
    ),
    // a sentence word before a cue is not a person
    (
        "Currently, an entire DVD project can take up to three months, says Mr Dean.",
        &["Dean"],
    ),
    // a party word before a name is not part of it
    ("Tory Liam Fox said the plan was wrong.", &["Liam Fox"]),
    (
        "Republican Donald Trump said he would win. “We will,” Trump added.",
        &["Donald Trump", "Donald Trump"],
    ),
    // particle surnames, and the surname alone becomes the full name
    (
        "Dutch minister Pieter van der Pluijm said the plan was dead. “It is over,” Van der Pluijm added.",
        &["Pieter van der Pluijm", "Pieter van der Pluijm"],
    ),
    // a description the text links to a name
    (
        "World 100m champion Kim Collins says the ban is too harsh. “They should reconsider,” said the world champion.",
        &["Kim Collins", "Kim Collins"],
    ),
    // a pronoun never resolves to an organisation
    (
        "Microsoft released a patch on Monday. “It works well now,” he said.",
        &["-"],
    ),
    // asides between a name and its cue
    (
        "“We cannot deny the right under the Constitution,” Rep. John Mica (R-Fla.) said.",
        &["John Mica"],
    ),
    (
        "“Our assumption is that the veto will be overridden,” Mitch McConnell, R-Ky., said.",
        &["Mitch McConnell"],
    ),
    (
        "Johnnie Wilson, of Springfield, Va., said he had fought in Vietnam for the nation.",
        &["Johnnie Wilson"],
    ),
    // a sentence ending in a colon introduces the quote after it
    (
        "BBC Two controller Roly Keating: “It's an exciting new era for the show.”",
        &["Roly Keating"],
    ),
    // BBC's flattened multi-paragraph quote: every part is the speaker's
    (
        "Mr Opik said: \"Hunting is not defined in the Act. \"Now they invent a new category. \"How is the village bobby supposed to tell?\"",
        &["Opik", "Opik", "Opik"],
    ),
    // a lone quote before a quote its own cue introduces is not that speaker's
    (
        "Peter Luff said the law was badly drafted.\n\n“It is no wonder the government wants to move on.” Mike Hobday said: “There is no confusion here at all.”",
        &["Peter Luff", "Peter Luff", "Mike Hobday"],
    ),
    // the pronoun goes to the person who became the subject since the last quote
    (
        "“I played really well today,” Roger Federer said.\n\nIvan Ljubicic was at a loss to explain his poor showing. “I didn't start badly,” he said.",
        &["Roger Federer", "Ivan Ljubicic"],
    ),
    // a plain word as the role before a first-name-led name, after the cue
    (
        "“Half of my customers come over that bridge,” said baker Helen Duarte, who has run her shop for years.",
        &["Helen Duarte"],
    ),
    // a description, then the name in apposition closing the clause
    (
        "\"It has been a long road, but the mill will be busy again,\" said the trust's chair, Moira Quinn.",
        &["Moira Quinn"],
    ),
    // an organisation's name running on through "of"
    (
        "The National Association of Head Teachers said the plan had been drawn up without asking schools.",
        &["National Association of Head Teachers"],
    ),
    // a fronted phrase is not the content when a clause follows the cue
    (
        "Speaking on Tuesday, Sarah Lind said the changes would give schools \"more freedom to buy locally\".",
        &["Sarah Lind"],
    ),
    // not speech: a comparison, not a report
    (
        "Some representatives of the elite responded like an offended child who could not put up with an insult.",
        &[],
    ),
    // class 4: "his father" after "Spindler's father, Joseph," is Joseph
    (
        "The engineer Mara Lind died in the storm.

Lind's mother, Ruth, says her daughter grew up by the sea and loved sailing.

Lind had lived in Halifax for ten years. Her mother said she had planned to sail around the world next spring.",
        &["Ruth", "Ruth"],
    ),
    // class 4: a story that opens on someone described ("A Halifax ferry captain says")
    // names them right after with that role; a later "a captain" is someone new, and an
    // opening description no one named with its role stays a description
    (
        "A Halifax ferry captain says she is \"proud and exhausted\" after a week of storms.

Captain Ruth Okafor said the crossings had never been rougher.

A captain from another line said his crew was tired.",
        &["Ruth Okafor", "Ruth Okafor", "-"],
    ),
    (
        "A Halifax ferry captain says the storms were the worst in years.

Ruth Okafor, a deckhand, said the crossings had never been rougher.",
        &["-", "Ruth Okafor"],
    ),
    // Chinese puts no spaces between words: its quotes are quotes, not scare quotes (no
    // speaker yet: the cues are English words)
    (
        "克里姆林宫发言人说：“这是美国的内部事务，我们现在不想评论。”他又说：“我们会等待他们的正式答复再说。”",
        &["-", "-"],
    ),
    // --- the classes of the speakers issue (made-up sentences) ---
    // 1. the running speaker: a quote with no cue of its own carries the speaker on
    (
        "Council member Ada Okonkwo spoke after the vote.

Okonkwo told reporters on Thursday:

“The budget leaves our ward with nothing, and we will fight it.”

“We have been patient for three years now.”",
        &["Ada Okonkwo", "Ada Okonkwo"],
    ),
    (
        "Luca Marchetti spoke at the rally. Marchetti also claimed of the arena, “The land underneath is too unstable to build on.”",
        &["Luca Marchetti"],
    ),
    // class 1: no cue at all, the sentence's subject quoted at its end; a title of a few
    // words is not theirs, nor is a quote about a possessive's noun
    (
        "Foreign Minister Ilse Brandt spoke in Bonn. She listed the allies who stood by Canada for “publicly coming out against these detentions. That is very important.”",
        &["Ilse Brandt"],
    ),
    (
        "Novelist Omar Reyes spoke on Monday. He read from “The Quiet Harbour” to a full hall.",
        &[],
    ),
    (
        "Director Im Sang-woo won an award in Berlin. Im was hailed for his “remarkable visual beauty, technical innovation and intellectual depth over forty years.”",
        &["-"],
    ),
    (
        "Pastor Dale Okafor died in May. Okafor's family asked the council for “a full account of what happened on the night our father died.”",
        &["-"],
    ),
    (
        "“We lost the house in an hour,” said resident Dana Whitfield.

The fire spread to six homes on the street before crews arrived.

“Nobody came to warn us about any of it.”",
        &["Dana Whitfield", "Dana Whitfield"],
    ),
    (
        "Mayor Grace Li opened the bridge on Monday. “It took ten years to get here.” The crowd cheered. “We did it together,” she added.",
        &["Grace Li", "Grace Li"],
    ),
    // 2. a surname alone, a short form, initials: the full name given earlier
    (
        "Helena Petrakis was back in court on Monday.

Petrakis told court she had never seen the documents.",
        &["Helena Petrakis"],
    ),
    (
        "The Canada Mortgage and Housing Corporation released its outlook on Tuesday.

CMHC said prices would fall in most cities next year.",
        &["Canada Mortgage and Housing Corporation"],
    ),
    (
        "Suncor Energy reported a loss. Suncor said production would recover in the spring.",
        &["Suncor Energy"],
    ),
    (
        "Anna Lindqvist and her brother Per Lindqvist run the farm.

Per Lindqvist sold the cattle last year. “It broke my heart,” Lindqvist said.",
        &["Per Lindqvist"],
    ),
    // 3. a word in the speaker's phrase that is not the speaker
    (
        "Raj Patel with the Alberta Health Services says the wait times are too long.",
        &["Raj Patel"],
    ),
    (
        "Economist Kent Moore at the University of Toronto says the pattern will repeat.",
        &["Kent Moore"],
    ),
    (
        "“Infrastructure just sounds like a good thing,” said the IFSD’s Azfar Ali Khan.",
        &["Azfar Ali Khan"],
    ),
    (
        "Police said the driver fled toward Sumatra. “He was going very fast,” he said.",
        &["-", "-"],
    ),
    (
        "The North Korean leader arrived in Beijing. North Korean state media said the visit was a success.",
        &["-"],
    ),
    // a name that modifies a role before another name is not the subject: "he" after
    // "Keane frontman Tom Chaplin thanked fans" is Tom Chaplin
    (
        "The awards were held in Leeds. Velvet Harbour frontwoman Ana Lisk collected the prize from singer Mira Sol. She told the audience: \"We are amazed.\"",
        &["Ana Lisk"],
    ),
    // a person of a body: "Mr. Morgan of the Sierra Club said" is Mr. Morgan
    (
        "\"It was the least bad outcome,\" Dr. Ines Holm of the Coastal Trust said.",
        &["Ines Holm"],
    ),
    // a body named by its saint: the whole name, not its last word
    (
        "St Agnes's Hospital said the patient was stable. \"We are proud,\" said St Brendan's High School.",
        &["St Agnes's Hospital", "St Brendan's High School"],
    ),
    // a nationality before a role modifies the role; the name is after it
    (
        "\"Markets will shrug it off,\" said Nordbank chief European economist Lena Falk.",
        &["Lena Falk"],
    ),
    // a subject pronoun opening a clause after a dash keeps its person present: "she"
    // is not the man named after it
    (
        "A careful campaign for Karin Lindqvist.

Lindqvist says she will vote for the governor but has held back her endorsement, so she will not campaign at his side - a sign that she is uneasy asking others to back him. The stance makes her one of few members of her party who have refused to choose.

At a meeting in Halden last week, Lindqvist would not rule out a change of mind. She said she has no plans to change her vote, but she said she keeps the right to think again.

\"For every person you vote for, you leave open the chance to look again,\" Lindqvist said. \"How could I not say that?\"

The senator said that her stance is sincere. It isn't as if she has never backed a candidate - she was a keen supporter of 2012 nominee Mitt Romney.

\"I was at every rally,\" she said. \"I was there knocking on doors for him.\"",
        &[
            "Karin Lindqvist",
            "Karin Lindqvist",
            "Karin Lindqvist",
            "Karin Lindqvist",
            "Karin Lindqvist",
            "Karin Lindqvist",
            "Karin Lindqvist",
            "Karin Lindqvist",
        ],
    ),
    // hyphenated nationalities are no body that might speak for "the airline"
    (
        "A Franco-Algerian couple were among the passengers, the ministry said. The pilot had logged many hours, the airline said.",
        &["-", "-"],
    ),
    // a full name, then whom they are with: the name after "of" is not theirs
    (
        "\"Paper maps still matter,\" explains Tomas Brandt of Cartix's Danish partner Geodata.",
        &["Tomas Brandt"],
    ),
    // 4. a description that refers back to a named person
    (
        "Senator Claire Dubois voted against the bill. “It fails our farmers,” the senator said.",
        &["Claire Dubois"],
    ),
    (
        "Doug Marsh, the city's mayoral candidate, won the vote.

The mayor claimed the project would cost less than planned.",
        &["Doug Marsh"],
    ),
    // a title after "the", capitalised: the person with that title, not a body; an
    // office's name stays a body; a role's modifier names whose it is, not them
    (
        "Judge Mary Olsen ruled on Friday. The Judge said the search had been lawful.",
        &["Mary Olsen"],
    ),
    (
        "Mayor Tom Reyes spoke. The Parliamentary Budget Officer said the plan would cost more.",
        &["Parliamentary Budget Officer"],
    ),
    (
        "Senator Ted Lowe spoke in Iowa. The senior Lowe adviser said the campaign would go on.",
        &["-"],
    ),
    // a person described as a sentence's subject is the one the sentence before named as
    // its subject; "she" after them is that person
    (
        "Mara Quist has admitted that her team cannot win the league this season.

The 24-year-old skipper spoke out before Tuesday's game. \"We are realistic,\" she told reporters.",
        &["Mara Quist", "Mara Quist"],
    ),
    // 5. not speech
    (
        "In a statement recorded for television, the prime minister thanked the nurses.",
        &[],
    ),
    // 6. organisations speak, and "the company" and "it" are the one named before
    (
        "Tesla reported record deliveries. The company said demand remained strong. It said prices would hold.",
        &["Tesla", "Tesla"],
    ),
    (
        "Fifty people remain unaccounted for, the Kenya Red Cross said, raising fears of a higher toll.",
        &["Kenya Red Cross"],
    ),
    // reported speech split by a parenthetical cue: two parts of one statement
    (
        "Robert Strang runs the clinic. The drugs have a limited set of uses, he says, and are mostly meant to be taken only short term.",
        &["Robert Strang", "Robert Strang"],
    ),
    // a person reported saying "she…" of themselves; a first name leaning the other way
    (
        "Jayme Ross told police she could hear the sirens. Jake Patterson was arrested later. He told detectives he would have fired.",
        &["Jayme Ross", "Jake Patterson"],
    ),
    // a document speaks for whoever issued it, a body named by whose it is
    (
        "\"We talked about the rule of law,\" said a statement released by the Prime Minister's Office.",
        &["Prime Minister's Office"],
    ),
    (
        "According to the latest figures from Statistics Canada, the jobless rate fell in May.",
        &["Statistics Canada"],
    ),
    (
        "According to a study by the country's State Planning Organisation, exports would double.",
        &["State Planning Organisation"],
    ),
    // "it added" goes on with the body quoted just before, not the one named most
    (
        "The EU said its rules were fair. The EU rules were applied unevenly, the Trade Office said. Small firms were worst hit, it added.",
        &["EU", "Trade Office", "Trade Office"],
    ),
    // a body's name running on through "of"; an acronym naming the body its noun is
    (
        "The City of Surrey has carried the debt for years. The rink will close, according to the city.",
        &["City of Surrey"],
    ),
    (
        "Kim left for China on Monday, North Korea's state-run KCNA news agency said.",
        &["KCNA news agency"],
    ),
    (
        "The International Energy Agency raised its forecast. The revision was due to stronger demand, the IEA watchdog said.",
        &["International Energy Agency"],
    ),
    // a headline's capital after a surname is no part of the name
    (
        "President Obama is rolling out a new message. Mr. Obama made the case in his speech at the convention.

[Video: FULL SPEECH: President Obama Speech at Black Caucus Foundation in Washington DC (9/17/16) Watch on YouTube.]

\"Our progress is on the ballot,\" Mr. Obama said.",
        &["Obama"],
    ),
    // a post-posed cue followed by a participle of its own: both are the speaker's
    (
        "Each charge carries a penalty of 30 years to life in prison, Tim Lohmar said, adding that more charges are possible.",
        &["Tim Lohmar", "Tim Lohmar"],
    ),
    // an appositive is a noun phrase, not a clause; an inverted cue between commas splits
    // one statement in two
    (
        "Kevin Haley directs research. According to Haley, the bomb threats were an innovation on the scam, and the threat will evolve.",
        &["Kevin Haley"],
    ),
    (
        "If Steam proves effective at cutting piracy, said Rob Fahey, other game makers may be tempted to copy it.",
        &["Rob Fahey", "Rob Fahey"],
    ),
    // a first name in apposition to someone's family word is a person of their own
    (
        "Police chief Joseph Boinnet said the attack was over. Spindler's father, Joseph, says his son loved Kenya.",
        &["Joseph Boinnet", "Joseph"],
    ),
    // a cue in a relative clause whose verb is the quoted content: the relative's subject
    (
        "The council approved the harbour plan, which Mayor Jane Smith said would \"transform the city for a generation.\"",
        &["Jane Smith"],
    ),
    // two people share a surname: the bare surname is the one last named with it, not the
    // one a first name alone mentioned since
    (
        "The victims were Per Lindqvist, 60, and Omar Haddad, 44.

For Anna Lindqvist, Friday is a day she has long awaited. Her father Per was one of the victims.

Once the trial is over, Lindqvist says she will finally be able to start looking to the future.",
        &["Anna Lindqvist"],
    ),
    // posting on a social network before a colon is speaking; before an infinitive it is not
    (
        "Dana Whitlock took to Twitter with this: \"The vote was rigged.\" Paul Emery took to Twitter overnight to accuse the board of lying.",
        &["Dana Whitlock"],
    ),
    // a first name that is also a month, between two names, is a middle name
    (
        "Piet May Holtrop, a consultant at Brightwell, said the survey was clear. Mr Holtrop said most shoppers were worried.",
        &["Piet May Holtrop", "Piet May Holtrop"],
    ),
    // a day after "the" opens a title: "the Sunday Herald", not "Herald"
    (
        "The minister will resign within a week, the Sunday Herald reported.",
        &["Sunday Herald"],
    ),
    // naming a thing in one's own words is a quotation of them
    (
        "The regulator fined the bank on Monday, in what chairwoman Greta Lindholm described as \"a warning to the whole industry.\"",
        &["Greta Lindholm"],
    ),
    // department words alone, speaking, are a department
    (
        "Global Affairs says on its website that Canadians are still advised to take care.",
        &["Global Affairs"],
    ),
    // content after a second report's cue is that report's
    (
        "Lena Voss and her mother asked him about his health and Omar Reyes said he might make a video.",
        &["Omar Reyes"],
    ),
    // a speech noun and a colon carry the paragraph's speaker on
    (
        "\"Forget about the others,\" Ellison said. And here was the big reveal: \"My second largest investment is Tesla.\"",
        &["Ellison", "Ellison"],
    ),
    // not a speech noun: a question put is no one's quote
    (
        "\"Who are they trying to kid?\" he said. The proposed question is: \"Should the United Kingdom approve the treaty?\"",
        &["-", "-"],
    ),
    // a paragraph break the page put inside a quote: the quote goes on to its closing mark
    (
        "Mara Quill, a policy analyst, outlined the rules.

\"Who may be included is at the discretion of the officer.

based on the advice of the doctor,\" said Quill in an email.

\"The department may include family in treatment sessions with the patient.\"",
        &["Mara Quill", "Mara Quill", "Mara Quill"],
    ),
    // a time between the speaker and the cue, or the cue and the quote, is no speaker
    (
        "Mayor Dana Whitfield on Tuesday said the city would not raise taxes. Health officials this week said the outbreak was over. Councillor Peggy Bell asked last week \"Why has this taken four months?\"",
        &["Dana Whitfield", "-", "Peggy Bell"],
    ),
    // a surname that is also a month or a word: "Elizabeth May", then "May said"
    (
        "Green Party leader Elizabeth May spoke in Ottawa. \"We have made real progress on the climate file,\" May said after the vote.",
        &["Elizabeth May"],
    ),
    (
        "South Korean skater Oh Se-jin won gold. \"I cannot believe it happened to me today,\" Oh said.",
        &["Oh Se-jin"],
    ),
    // what a speaker issues, as the object of their verb, speaks for them
    (
        "The Toronto Transit Commission issued a notice Tuesday saying that service would resume at noon.",
        &["Toronto Transit Commission"],
    ),
    // a relative clause's report ends where the main clause takes up its speaker
    (
        "Ravi Mehta, who last year denied he would run again, said the race was wide open.",
        &["Ravi Mehta", "Ravi Mehta"],
    ),
    // an opening phrase whose noun is a cue word ("In an upbeat report,") is passed over to
    // the subject; a "shadow" or "deputy" title is another office than the one the
    // article's main person holds
    (
        "Chancellor Gordon Black presented the budget. Mr Black said it would cut taxes. Mr Black said growth would return. In an upbeat pre-Budget report, he raised borrowing but insisted the targets would be met. The shadow chancellor said the figures were a fantasy.",
        &["Gordon Black", "Gordon Black", "Gordon Black", "-"],
    ),
    // a body's name of two words opening a sentence, its first shaped like an adjective,
    // speaks ("Civic Action said", "National Grid says")
    (
        "The study came out on Monday. Civic Trustees said the plan would fail. National Grid said it would cut jobs.",
        &["Civic Trustees", "National Grid"],
    ),
    // a verb naming its object with a quote makes a short fragment the subject's words
    (
        "Senator Ann Lee called the new tariffs \u{201c}a tax on every family.\u{201d} The tariffs start in May.",
        &["Ann Lee"],
    ),
    // a name and its relative clause before a comma and a cue are the cue's subject, not
    // content the cue reports inverted
    (
        "Retired teacher Dana Holt, who lost 12 lbs. over the summer, says the program changed her life.",
        &["Dana Holt"],
    ),
    // a role alone refers to the one person the sentence before named, before the
    // article's most-named person
    (
        "Owen Price kicked three penalties for Wales, but Price missed two late conversions. Price said the miss was disappointing. Ian Moss said he would keep working on the kicking with his squad. However, the Wales coach added that he would take some positives from the defeat.",
        &["Owen Price", "Ian Moss", "Ian Moss"],
    ),
    // a title alone goes to the article's most-named person only when they may hold it:
    // not one who speaks for someone, not one tied to another team or body
    (
        "Finance Minister Mr Gordon Black presented the budget on Monday. Mr Black said it would cut taxes. Mr Black said the deficit would fall. Mr Black said growth would return. The markets were calm. The spokesman said the figures were final.",
        &["Gordon Black", "Gordon Black", "Gordon Black", "-"],
    ),
    (
        "Ireland manager Brian Kerr said the win was deserved. Kerr said his side played well. Kerr said the conditions were hard. Kerr said the crowd was superb. Matchwinner Keane praised the pass from Damien Duff. \"It was a great ball,\" said the Tottenham striker.",
        &["Brian Kerr", "Brian Kerr", "Brian Kerr", "Brian Kerr", "-"],
    ),
    // an honorific is no office: "the chancellor" may still be "Mr Black"
    (
        "The survey was released on Monday. Mr Gordon Black presented it. Mr Black said it would help. Mr Black said it was overdue. Mr Black said more was needed. The markets were calm. The chancellor said the country could afford it.",
        &["Gordon Black", "Gordon Black", "Gordon Black", "Gordon Black"],
    ),
    // one who speaks for a body speaks for it
    (
        "Acme Holdings shares fell on Monday. A spokesman for the firm said the fall was expected.",
        &["Acme Holdings"],
    ),
    // a word capitalised only because it opens the sentence is no first name of the
    // person after it ("Absent Wells' plan" is Tom Wells's)
    (
        "Maria Lopez spoke on Thursday about the plan Tom Wells announced. \"It would end health care as we know it,\" Lopez said.\n\nAbsent Wells' plan, which he has not published, Lopez pointed to the times Wells has laid out a plan before.\n\n\"It is a bit concerning to me,\" she went on.\n\nAdam Hale started the podcast in 2004. Coffee-loving Hale said the show would go on.",
        &["Maria Lopez", "Maria Lopez", "Adam Hale"],
    ),
    // a title after an organisation's word is a person's ("party Chairman …"), not an
    // organisation named ("oil firm Yukos")
    (
        "At the meeting, party Chairman Tom Fenwick scolded the candidate. \"Using the word was a horrific thing to do,\" Fenwick said.",
        &["Tom Fenwick"],
    ),
    // a medium's name that the article gives a person as surname is theirs
    (
        "\"There is no such thing as bad publicity,\" said Seaport Mayor Don Guardian in an interview. \"We are going through difficult times,\" Guardian said.",
        &["Don Guardian", "Don Guardian"],
    ),
    // a place is no speaker: a state after a town, an opening phrase with its place, a
    // dateline with its agency
    (
        "\"Both of them scare me,\" Harold Bent of Raleigh, N.C., who was among those polled, said in an interview.\n\nAt a rally in Concord, N.H., on Tuesday, Senator Alma Ruiz endorsed the governor, saying that he would make a fine president.\n\nSeattle (AFP) – Democrat Joan Pike has criticised the plan, saying that it does more harm than good.",
        &["Harold Bent", "Alma Ruiz", "Joan Pike"],
    ),
    // a closing mark typed after a space still closes, and its quote still ends a sentence
    (
        "\"We played well and we deserved it,\" said coach Mark Webb. \"It was a long season for all of us. \"The players were superb and I am proud of the way they all kept going. \" The club's next match is on Saturday.\n\n\"What does that even mean for us? \" Lisa Grant asked.",
        &["Mark Webb", "Mark Webb", "Mark Webb", "Lisa Grant"],
    ),
    // "said this may help": a lowercase "may" is the modal, not the month
    (
        "Helen Dowd, a nutritionist at the city hospital, said this may encourage families to cut down on juice.",
        &["Helen Dowd"],
    ),
    // a description after an inverted cue runs into a verb: the clause, not the speaker
    (
        "Carla Obi, nutrition manager with the heart foundation, said the new guidelines on drinks are a welcome change, as many children drink too much sugar.",
        &["Carla Obi"],
    ),
    // a nickname inside a name is no quote, and no part of the name; a role word like
    // "lead" belongs to the role
    (
        "At least three crew members were hurt, lead singer Tomas “Tom-Tom” Arkady told followers in an online post. Ruth \"Ruthie\" Gale said the tour would go on.",
        &["Tomas Arkady", "Ruth Gale"],
    ),
    // a name in apposition to the description after a quote, a modifier before it
    (
        "\"This is our year!\" Garner's niece, state Rep. Alma Diaz, shouted to the crowd. \"It will not last,\" his lawyer, Peter Wong, said.",
        &["Alma Diaz", "Peter Wong"],
    ),
    // two listeners joined by "and", one named by what they follow
    (
        "Mayor Jed Holt has also announced a kind of truce with the council, telling voters and Twitter followers that the feud was over.",
        &["Jed Holt", "Jed Holt"],
    ),
    // "by" a channel is an adjunct before the clause; a sentence adverb between commas
    // before "that"; an instruction to a listener joined by "and" is no speech
    (
        "Kemal Arslan, a guide who runs boat tours, said by text message the sea had been calm. Nadia Frost states, however, that the scheme has little to do with money. A partner at the firm told him and his fellow associates to keep their savings in cash.",
        &["Kemal Arslan", "Nadia Frost"],
    ),
    // a rare first name that is also a word the article writes ("see"), opening a sentence
    // before the surname of someone named with another first name, is no name of theirs
    (
        "The novelist Jared Holm was at the rally. “I see why they came,” Holm said.\n\n(See Holm's full account below.)\n\n“They were angry,” Holm said.",
        &["Jared Holm", "Jared Holm"],
    ),
    // a gerund before a person's role is part of the noun phrase, no cue
    (
        "Lena Ortiz, a creative writing professor, said she holds her roots in the valley very dear.",
        &["Lena Ortiz"],
    ),
    // a title word that is a common first name, after a title, opens the name
    (
        "“There is tremendous energy in these races,” Rep. Earl Voss (D-Ore.) said.",
        &["Earl Voss"],
    ),
    // an adjunct after the listener, before "that" and the quote
    (
        "Gov. Dale Price told supporters after his victory in the primary that “when you win, it’s beautiful.”",
        &["Dale Price"],
    ),
    // a naming verb in the progressive is the subject's doing; one in a subordinate
    // clause with its own subject is not
    (
        "Former Gov. Rita Kahn, for her part, is labeling the order “a blatant abuse of power by the governor.” Dale Moss is coming off a strong debate, when many commentators called him “the grownup on the stage tonight.”",
        &["Rita Kahn", "-"],
    ),
    // the participle of a verb that wants a clause continues its sentence's subject
    (
        "Nina Rowe attacked the plan on Wednesday, asserting that the only explanation must be “a bombshell of unusual size.”",
        &["Nina Rowe"],
    ),
    // an adjunct phrase between commas before "that"
    (
        "Ivo Brandt said, per a translator, that the server was unprotected.",
        &["Ivo Brandt"],
    ),
    // a participle phrase opening the sentence holds no subject: the person after its
    // comma speaks ("Asked whether X would…, Y said")
    (
        "Maria Lindqvist chairs the board.

Asked on Friday whether Mr. Okafor would join the board, Mrs. Lindqvist shook her head and said, \"Never.\"",
        &["Maria Lindqvist"],
    ),
    // a verb after a name ends it: no role for the name after it
    (
        "Jonas Lindqvist described director Anna Berg as \"the bravest film maker I have ever worked with\".",
        &["Jonas Lindqvist"],
    ),
    // two people share a surname: the one the surname alone has named keeps it when the
    // other is named just before
    (
        "Senator Tomas Rehn opened the hearing on Monday. Rehn asked the board for its records, and Rehn later said the answers were thin. Among the witnesses was a retired nurse, Ida Rehn, who lost her job in the cuts.

\"We will not stop until every record is public,\" Rehn said.",
        &["Tomas Rehn", "Tomas Rehn"],
    ),
    // …and the first time, one named just before as the subject of a sentence, not one
    // named inside someone else's sentence
    (
        "Former mayor Olav Brekke spoke in Bergen on Sunday for his wife Sigrid Brekke.

\"The plan does not work,\" Brekke said.",
        &["Olav Brekke"],
    ),
    // quoted fragments of one report joined by a word or two are the same speaker's
    (
        "Dale Ruiz says “the whole plan has become a mess” because “the board has gone soft like the town has gone soft.”",
        &["Dale Ruiz", "Dale Ruiz"],
    ),
    // an infinitive cue a verb governs right before the quote is a report all the same
    (
        "The debate was so dull that Mr. Okafor was prompted to say, “I cannot believe how calm it has been up here.”",
        &["Okafor"],
    ),
    // a person "of" a town, maybe with its state, before the cue speaks, not the town
    (
        "Stacy Bergen of Columbia said she really thinks the senator can win. Dale Ruiz of Sumter, South Carolina says he thinks the senator will win.",
        &["Stacy Bergen", "Dale Ruiz"],
    ),
    // a noun for a firm or a trade ("developer", "producer") before a first name introduces
    // a person; a surname that is a place word ("Hill", "Lake") stays a person's after a role
    (
        "Last spring, property developer Glen Harrow backed the rival bid. Harrow said on Friday that the council had misled him. The comic-book producer Ruth Hill died this week. Hill told an interviewer in 2010 that the scripts kept her up at night.",
        &["Glen Harrow", "Ruth Hill"],
    ),
    // a whole quoted sentence run into the next quote with no break is as alone as if the
    // sentence had ended there: it carries on the speaker before it
    (
        "Rovers winger Tom Ruddock expects a long title race. “It will go to the last day,” he told reporters. “Nobody wins this by Christmas. Both clubs know it.” “We have the squad for it,” added Ruddock.",
        &["Tom Ruddock", "Tom Ruddock", "Tom Ruddock"],
    ),
    // "and" between two roles of one person after the cue
    (
        "“The quarter went better than we feared,” said Halvard president and chief executive Ines Varga.",
        &["Ines Varga"],
    ),
    // a participle phrase after an opening "And" is no subject either
    (
        "The club's owner, Rhys Penhale, spoke on Monday. And replying to attacks from radio host Dean Corr, he insisted the stadium plan was alive but added the club would wait for a new investor.",
        &["Rhys Penhale", "Rhys Penhale"],
    ),
    // verbs of the manner of saying, in every position an answer takes
    (
        "“The lake was full of them that summer,” mused Oona Brandt. Her neighbour Karl Esposito enthused that the fishing had never been better. “Nobody believed us,” Esposito scoffed.",
        &["Oona Brandt", "Karl Esposito", "Karl Esposito"],
    ),
    // an answer with no content of its own leaves the quote to its subject, as if there were
    // no cue
    (
        "Councillor Dana Fox replied on Tuesday, calling the transit bill “a giveaway to the suburbs at the city's expense.”",
        &["Dana Fox"],
    ),
    // police ranks and provincial members as Canadian papers write them, and a clock's
    // "p.m." ending a sentence
    (
        "Const. Lise Arbour said officers were called to the arena at 9 p.m. “It was chaos in there,” said Const. Arbour. NDP MPP Tom Keele says the province must act.",
        &["Lise Arbour", "Lise Arbour", "Tom Keele"],
    ),
    // "the mother of two", "the 52-year-old": a count completes a kin noun, and an age
    // describes the person the sentence before named
    (
        "Marta Ilic lost her home in the flood. “We have nothing left,” said the mother of two. Omar Haddad runs the bakery next door. The 52-year-old said business had been slow since the bridge closed.",
        &["Marta Ilic", "Omar Haddad"],
    ),
    // a later quote of a sentence with no cue is the subject's as the first would be
    (
        "In her speech, Councillor Ruth Abara described the mayor as “a career fixer” who “has never once finished a project he started in this city.”",
        &["Ruth Abara"],
    ),
    // a fragment joined by a few words after a closing attribution is the same report's
    (
        "The contractor “was paid twice for the same work,” Ortiz said, and still “walked away with a bonus.”",
        &["Ortiz", "Ortiz"],
    ),
    // roles the news names people by: "backbencher", "epidemiologist", "advocate"
    (
        "Epidemiologist Priya Raman said the numbers were still climbing. Meanwhile Green backbencher Nora Vale labelled the scheme “a shell game with public money and nothing to show for it.”",
        &["Priya Raman", "Nora Vale"],
    ),
    // a name, then a role whose closing comma was left out: the name speaks, not the
    // body in the role; a time before the comma is no name, and a comma after the cue
    // sets the attribution apart from the name it speaks of
    (
        "Mary Baker, an analyst at Nomura told Reuters the yen would weaken before the spring. Early Monday, the finance ministry said it would step in to steady the currency.",
        &["Mary Baker", "-"],
    ),
    (
        "Dunmore, a senior adviser said, “has never lost a vote he cared about.”",
        &["-"],
    ),
    // a study quoted with "according to" is not the person quoted after it
    (
        "Landlords in the suburbs are cutting rents for the first time, according to a new study.\n\n“Landlords in the suburbs are cutting rents for the first time in years,” Omar Petit, chief economist at Bayline said.",
        &["-", "Omar Petit"],
    ),
    // a listener verb inverted after the quote: the name ending the clause speaks
    (
        "“Expect a rough winter for heating bills across the prairies,” warned utility analyst Corinne Lalonde.",
        &["Corinne Lalonde"],
    ),
    // the one a paper "quoted … as saying" speaks, a pronoun too, not the paper; in the
    // passive, the subject
    (
        "“The board has lost the plot entirely,” the Courier quoted shareholder Ian Marsh as saying. Mayor Tom Reid left the meeting early. The Star quoted him as saying the deal was finished. Rosa Kent was quoted in a Halifax paper as saying she would run again.",
        &["Ian Marsh", "Tom Reid", "Rosa Kent"],
    ),
    // a first name and a place's word ("Tower", "Lake") is a person where a role or a
    // cue says so
    (
        "“We have done a thorough investigation of the missing tapes,” Alexandra Tower, a spokeswoman for the bank, told the paper. Kevin Lake said the firm would appeal.",
        &["Alexandra Tower", "Kevin Lake"],
    ),
    // a role of a body, then the name in apposition, before the cue or after a quote; a
    // hyphenated role before a name
    (
        "The secretary of the Nova Scotia Curling Association, Ruth Ames, said the bonspiel was cancelled. “We are heartbroken about it,” the organiser in Truro, Dale Pike, told the Herald. “It is a blow for the whole club,” said team-mate Gina Ross.",
        &["Ruth Ames", "Dale Pike", "Gina Ross"],
    ),
    // an inverted cue, a description, then the name in apposition ending the clause
    (
        "“Ticket sales are up a third on last winter,” said Oilers spokeswoman, Dana Wu.",
        &["Dana Wu"],
    ),
    // a month that is a first name ("Jan", "June") opens a name where no date word is
    // before it
    (
        "“We cannot fathom the cost to these towns,” said Jan Kowalczyk, head of the relief office. In May Ottawa sent aid.",
        &["Jan Kowalczyk"],
    ),
    // a list of portfolios before a title, after a quote and inverted
    (
        "“We will act on this file very soon,” said Public Safety and Emergency Preparedness Minister Dana Clarke. “The rules are fair,” Immigration, Refugees and Citizenship Minister Omar Haddad said.",
        &["Dana Clarke", "Omar Haddad"],
    ),
    // a body's name runs on through "for", "on" and "and"; a title before the name is not
    // the body's ("Bank of Canada Governor …")
    (
        "The Centre for Addiction and Mental Health said the wait “is far too long.” Bank of Canada Governor Paul Rivard said rates “will stay low for now.”",
        &["Centre for Addiction and Mental Health", "Paul Rivard"],
    ),
    // a title of a place is a description of a person, linked to the one named
    (
        "Liberal backbencher Sean Doyle attacked the plan. “They are in it to fill their boots,” the MP for Ottawa Centre said.",
        &["Sean Doyle"],
    ),
    // an appositive left open: the body alone after "from", a role that opens without a
    // role word, two roles joined, a dash aside before the cue, a role before a relative
    // clause
    (
        "“Growth will remain fragile,” Marie Roy, from Desjardins Securities told the Canadian Press. Ken Lutz, managing director of Port Hope Hydro said the rates “will rise in spring.” Ana Silva, president and CEO of the Alberta Restaurant Association stated, “It is a math problem.” “No more aid is needed,” Tom Hale, executive director of Farm Credit Canada - one of the lenders - said. But Raj Mehta, acting director of the food bank, which ran the drive, said the shelves “are bare again.”",
        &["Marie Roy", "Ken Lutz", "Ana Silva", "Tom Hale", "Raj Mehta"],
    ),
    // an inverted cue, a description with its "of" phrase, then the name in apposition
    (
        "“The route no longer pays its way,” said WestJet director of network planning, Carla Moss.",
        &["Carla Moss"],
    ),
    // a split quote whose halves a participle phrase parts
    (
        "“Every time you say that,” Councillor Dana Price said, pointing to the budget line, “you hand the province another excuse.”",
        &["Dana Price", "Dana Price"],
    ),
    // "asking" right before a quotation
    (
        "The ad shows Premier Doug Ford asking, “Why should Ontario pay for Ottawa’s mistakes?”",
        &["Doug Ford"],
    ),
    // "states" as a noun inside a second appositive
    (
        "“It is an overreach into provincial jurisdiction,” Jean Tremblay, the attorney general of Quebec, one of the states challenging the law, said on Monday.",
        &["Jean Tremblay"],
    ),
    // a naming verb's own subject, not the subordinate clause's before it
    (
        "While Mayor Karen Bass toured the site, the delay led to what union steward Omar Haddad called “a slow-motion disaster for every commuter in the valley.”",
        &["Omar Haddad"],
    ),
    // attributed on both sides: the name before the quote is who "he" after it means
    (
        "Finance critic Pierre Dubois raised the deficit. “It is out of control,” Dubois said. Treasury Board President Mark Singh said: “The numbers do not add up,” he said.",
        &["Pierre Dubois", "Mark Singh"],
    ),
    // a quote run into a quoted title that ends a sentence: a sentence of its own
    (
        "“He's absolutely right,” Michael Flynn, a top Trump surrogate, said Thursday morning on Fox News’s “Fox and Friends.” “I mean, there's a lot of frustration within the ranks and in the senior leadership.”",
        &["Michael Flynn", "Michael Flynn"],
    ),
    // a paragraph closing on a speech noun and a colon, after a date with its year
    (
        "On March 3, 2019, Premier Rachel Notley made the following statement:\n\n“Alberta will not be bullied by anyone in this fight, and we will see the pipeline built.”",
        &["Rachel Notley"],
    ),
    // two roles joined, the second led by an acronym
    (
        "“The cuts will hurt rural families the most this winter,” said media and PR strategist Dana Okafor.",
        &["Dana Okafor"],
    ),
    // "states" after a quantity is a noun, no cue
    (
        "“The carbon tax is not going anywhere,” Premier Scott Moe told reporters on Tuesday, when a dozen states held votes on the issue. “But we will keep fighting it in court until the very end.”",
        &["Scott Moe", "Scott Moe"],
    ),
    // after a quote ending in "!", a name with a long title and its cue still close it
    (
        "“The great province of Manitoba is proud to cast its votes for the next leader, Wab Kinew!” NDP Party President Lorraine Okafor said as she opened the count.",
        &["Lorraine Okafor"],
    ),
    // an inverted cue opening the sentence, the name and an aside before the quote
    (
        "The small brick house on Main Street was turned into a museum. Said Doris Kowalchuk, who grew up next door to the family, “We were all so proud of him.”",
        &["Doris Kowalchuk"],
    ),
    // an aside between commas after the cue, before the quote
    (
        "Mayor Gloria Tremblay joked, again putting on a thick Newfoundland accent, “Come on up and get your free coffee, b'y!”",
        &["Gloria Tremblay"],
    ),
    // a manner-of-speech verb after a coordinated verb, past a long subordinate clause
    (
        "When the last ballot box was counted in Gander late on Friday, Premier Dwight Ashby leaned into the microphone and thundered: “We will not sell this province off piece by piece.”",
        &["Dwight Ashby"],
    ),
    // a title with a prefix, and a role noun, between the cue and the name
    (
        "“It is the best show we have made in ten years,” said CBC co-host Marie-Claude Belanger. “Everyone who lives here should be worried about that road,” said Surrey constituent Arjun Dhillon.",
        &["Marie-Claude Belanger", "Arjun Dhillon"],
    ),
    // a participle after a phrase the subject calls something, quoted with its comma inside
    (
        "Press secretary Anne-Marie Roy called the idea of a snap election a “ridiculous proposition,” adding that “the premier has a full mandate and every intention of using it.”",
        &["Anne-Marie Roy"],
    ),
    // a surname alone after a full name with a generational suffix ("Jr.", "IV"); the
    // suffixed name is not the "Mr. Trump" said before it
    (
        "Senator Robert F. Kennedy Jr. spoke at the rally. “We have never seen a moment like this one in our history,” Kennedy said.",
        &["Robert F. Kennedy Jr."],
    ),
    (
        "Mr. Trump spoke first on the convention floor. “It is not a campaign anymore, it is a movement,” said Donald Trump Jr. on Tuesday.",
        &["Donald Trump Jr."],
    ),
    // a role alone is not the one person the sentence before names as the object of
    // someone it opens with as a pronoun
    (
        "Anna Lindqvist spoke in Halifax on Monday. She attacked Marc Dubois over his record on health care.\n\nThe former premier said the plan would fail within a year.",
        &["-"],
    ),
    // a participle after "while", "before" or "after" goes on with the sentence's subject
    (
        "Senator Anna Lindqvist had a comparable assessment of the budget, while saying that the recent speech reassured her that health care would hold a prominent position.",
        &["Anna Lindqvist"],
    ),
    // a body named in apposition to a description of a body
    (
        "The union, Unifor Local 444, said it would not accept the offer. The firm, Apex Logistics, said talks would resume.",
        &["Unifor Local 444", "Apex Logistics"],
    ),
    // an age before the name after an inverted cue
    (
        "“We have waited fifteen years for the truth about what happened,” said 17-year-old Aisha Khan.",
        &["Aisha Khan"],
    ),
    // a statement's words: "the statement read"
    (
        "Officers found the vehicle in a ditch, the RCMP said. “The investigation is in its early stages and more information will follow,” the statement read.",
        &["RCMP", "RCMP"],
    ),
];

/// A listener verb inverted after a quote whose phrase goes on ("warned Ottawa it
/// would…"): the name after it is who was spoken to, never the speaker.
#[test]
fn inverted_listener_going_on_is_the_listener() {
    let q = run(
        "Union leader Gary Moss called the offer “an insult to every nurse in this province,” warned Ottawa it would strike and left the table.",
    );
    assert_eq!(q.len(), 1);
    assert_ne!(q[0].1, "Ottawa");
}

#[test]
fn speaker_cases() {
    let mut failed = Vec::new();
    for (text, want) in SPEAKER_CASES {
        let got = speakers(text);
        if got != *want {
            failed.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// (text, the mention each quote's speaker is read from): who speaks when no name does.
const MENTION_CASES: &[(&str, &[&str])] = &[
    // a restrictive "who" clause between the speaker and the cue
    (
        "Shelter staff found the dog on Monday. An official with the Regional Animal Protection Service who was present in court told reporters the dog was recovering.",
        &["An official with the Regional Animal Protection Service"],
    ),
    (
        "Guards found the door open. A guard who was on duty at the hotel told police the alarm had not sounded.",
        &["A guard"],
    ),
    // a description through its prepositional phrase: the people, not the place
    (
        "Police cleared the camp on Friday. People arrested at the camp said the officers used too much force. Another member of the public said she was frightened. Some in the local community say the support has dried up.",
        &[
            "People arrested at the camp",
            "Another member of the public",
            "Some in the local community",
        ],
    ),
    // "they" opening its sentence, or after "and", speaks for the plural subject before it
    (
        "Authorities described the attempt as a carjacking. They said her injuries were not life-threatening. But Brexit remains the biggest concern and several auto-industry executives have warned about a hard Brexit. They say British plants could close. Republican senators are eager to get back to work, and they say they want no more votes. The company reported a loss. They said the figures were final. We will say nothing of the coach.",
        &[
            "Authorities",
            "several auto-industry executives",
            "Republican senators",
            "They",
            "We",
        ],
    ),
    // a capitalised opener is no part of who speaks
    (
        "He built the company over thirty years. Though executives who worked with him say he was demanding, his staff stayed loyal.",
        &["executives"],
    ),
    // people near someone speak, not the one they are near
    (
        "Finance Minister Chrystia Freeland spoke on Monday. Sources close to the minister said the plan was dead. People familiar with her thinking said she would wait.",
        &["Sources close to the minister", "People familiar with her thinking"],
    ),
    // a verb after the role ends it: the name after the verb is its object
    (
        "Premier Marc Dubois tabled his budget on Monday. The veteran senator mocked Dubois for the deficit, noting that the province had never balanced a budget in his time.",
        &["The veteran senator"],
    ),
];

#[test]
fn mention_cases() {
    let mut failed = Vec::new();
    for (text, want) in MENTION_CASES {
        let got: Vec<String> = parse(text)
            .1
            .into_iter()
            .filter(|q| q.kind != QuoteKind::Scare)
            .map(|q| q.mention.unwrap_or_else(|| "-".into()))
            .collect();
        if got != *want {
            failed.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

use super::*;

fn matched(query: &str, text: &str) -> Option<Vec<usize>> {
    Query::parse(query).match_text(text).map(|m| m.positions)
}

fn score(query: &str, text: &str) -> i64 {
    Query::parse(query).match_text(text).map_or(-1, |m| m.score)
}

/// The chars of `text` at `positions`, to check highlights against what was typed.
fn picked(text: &str, positions: &[usize]) -> String {
    let chars: Vec<char> = text.chars().collect();
    positions.iter().map(|&i| chars[i]).collect()
}

#[test]
fn each_operator_matches_as_in_fzf() {
    let text = "cloudfoundry/uaa-release";
    assert_eq!(matched("'found", text), Some(vec![5, 6, 7, 8, 9]));
    assert_eq!(matched("'fnd", text), None);
    assert_eq!(matched("^cloud", text), Some(vec![0, 1, 2, 3, 4]));
    assert_eq!(matched("^uaa", text), None);
    assert_eq!(matched("release$", text), Some((17..24).collect()));
    assert_eq!(matched("uaa$", text), None);
    assert_eq!(
        matched("^cloudfoundry/uaa-release$", text),
        Some((0..24).collect())
    );
    assert_eq!(matched("^cloud$", text), None);
    assert_eq!(matched("'uaa'", text), Some(vec![13, 14, 15]));
    assert_eq!(matched("'foundry'", text), None);
    assert_eq!(matched("!bosh", text), Some(vec![]));
    assert_eq!(matched("!uaa", text), None);
    assert_eq!(matched("!^uaa", text), Some(vec![]));
    assert_eq!(matched("!^cloud", text), None);
    assert_eq!(matched("!uaa$", text), Some(vec![]));
    assert_eq!(matched("!release$", text), None);
    assert_eq!(matched("!'xyz", text), Some(vec![]));
    assert_eq!(matched("!'cfy", text), None);
}

#[test]
fn fuzzy_terms_match_scattered_chars_in_order() {
    let text = "Foundational Infrastructure";
    let positions = matched("fin", text).unwrap();
    assert_eq!(picked(text, &positions).to_lowercase(), "fin");
    assert_eq!(matched("ufo", text), None);
}

#[test]
fn smart_case() {
    assert!(matched("uaa", "UAA").is_some());
    assert!(matched("UAA", "UAA").is_some());
    assert!(matched("UAA", "cloudfoundry/uaa").is_none());
    assert!(matched("Uaa", "UAA").is_none());
    assert!(matched("'UAA", "the uaa and UAA").is_some_and(|p| p == [12, 13, 14]));
    assert!(matched("^É", "école").is_none());
    assert!(matched("^é", "École").is_some());
}

#[test]
fn and_and_or_across_terms() {
    let text = "Service Fabrik";
    assert_eq!(
        matched("service fabrik", text),
        Some((0..7).chain(8..14).collect())
    );
    assert_eq!(matched("service bosh", text), None);
    assert_eq!(matched("bosh | fabrik", text), Some((8..14).collect()));
    assert_eq!(matched("bosh | uaa", text), None);
    assert_eq!(matched("bosh | !uaa service", text), Some((0..7).collect()));
}

#[test]
fn positions_are_char_indices_into_the_original_text() {
    // 'İ' lowercases to two chars; a lowercased copy would shift every later index by one.
    let text = "xİy İstanbul";
    assert_eq!(matched("stan", text), Some(vec![5, 6, 7, 8]));
    assert_eq!(matched("ist", text), Some(vec![4, 5, 6]));

    let text = "Café 日本語 🎉 Party — Straße";
    for term in ["日本", "🎉", "party", "straße", "cafe", "'é", "Party"] {
        let positions = matched(term, text).unwrap_or_else(|| panic!("{term}"));
        let expected = super::super::fold::fold(term.trim_start_matches('\''));
        assert_eq!(
            super::super::fold::fold(&picked(text, &positions)),
            expected,
            "{term}"
        );
    }
    assert_eq!(matched("party", text), Some((11..16).collect()));
}

#[test]
fn accents_fold_for_lowercase_terms() {
    let text = "Jürgen Müller";
    let positions = matched("jmu", text).unwrap();
    assert_eq!(positions, [0, 7, 8]);
    assert_eq!(matched("muller", text), Some((7..13).collect()));
    assert_eq!(matched("Muller", text), None);
    assert_eq!(matched("Müller", text), Some((7..13).collect()));
}

#[test]
fn whole_words_and_runs_beat_scattered_letters() {
    assert!(score("uaa", "UAA") > score("uaa", "cloudfoundry/uaa"));
    assert!(score("uaa", "cloudfoundry/uaa") > score("uaa", "cloudfoundry/uaac"));
    assert!(score("uaa", "cloudfoundry/uaac") > score("uaa", "User Account Access"));
    assert!(score("events", "CloudEvents") > score("events", "cloudeventsx"));
    assert!(score("ser", "Serverless") > score("ser", "User Research"));
}

#[test]
fn empty_query_matches_any_text_without_highlight() {
    assert_eq!(
        Query::parse("").match_text("anything"),
        Some(TextMatch::default())
    );
    assert_eq!(Query::parse(" ").match_text(""), Some(TextMatch::default()));
}

#[test]
fn scattered_prose_scores_low_and_by_its_tightest_window() {
    let term = &Query::parse("fbk").sets[0][0];
    let tight_text = FieldStore::one(Field::Mission, "a fabrik book");
    let loose_text = FieldStore::one(Field::Mission, "a fab and a long bulky");
    let name_text = FieldStore::one(Field::Name, "a fabrik book");
    let tight = match_field(term, &tight_text.get(0), 0, Scattered::Look).unwrap();
    let loose = match_field(term, &loose_text.get(0), 0, Scattered::Look).unwrap();
    let name = match_field(term, &name_text.get(0), 0, Scattered::Look).unwrap();
    assert!(tight.start.is_none());
    assert!(tight.quality > loose.quality && name.quality > 4 * tight.quality);
    // The window ends where a greedy scan completes the term, and starts as late as it can.
    assert_eq!(positions(term, &loose_text.get(0), loose), [2, 17, 20]);
    // A field that cannot beat what another field already scored is not scored at all.
    assert!(match_field(term, &tight_text.get(0), tight.quality, Scattered::Look).is_none());
}

#[test]
fn word_terms_skip_runs_inside_words() {
    assert_eq!(matched("'aa'", "aaa-aa"), Some(vec![4, 5]));
}

#[test]
fn a_text_index_matches_exactly_as_match_text_does() {
    let texts = [
        "cloudfoundry/uaa",
        "UAA",
        "Service Fabrik",
        "Jörg Weisbarth",
        "中文 project",
        "cloudfoundry/java-buildpack-auto-reconfiguration",
        "",
    ];
    let index = TextIndex::new(texts);
    assert_eq!(index.len(), texts.len());
    for query in [
        "uaa",
        "UAA",
        "'fab",
        "^cloud",
        "ation$",
        "!java",
        "jorg",
        "中",
        "svc | uaa",
        "fin",
        "zz",
    ] {
        let q = Query::parse(query);
        for (i, text) in texts.iter().enumerate() {
            assert_eq!(
                index.match_at(&q, i),
                q.match_text(text),
                "{query:?} on {text:?}"
            );
        }
    }
}

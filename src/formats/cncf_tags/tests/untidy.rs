//! Files as people write them: typos, nulls, placeholders and values of the wrong shape.

use super::{groups, messages, read};

#[test]
fn wrong_shapes_and_unknown_keys_are_skipped_with_a_word_each() {
    let yaml = "\
tags:
  - dir: tag-x
    name: [TAG, X]
    mision_statement: typo
    leadership:
      - chairs
    meetings:
      - description: [a, list]
        tag_calendar: javascript:alert(1)
    contact:
      slack: https://cloud-native.slack.com/archives/C1
      slack_channel: batch
      mailing_list: TBD
      toc_liaison:
        - {github: Mona Borham, name: Mona Borham}
        - {github: x, term: {start: '2025-13-01', end: 2026-06-30}, extra: 1}
  - just text
  - name: No Dir Here
toc_subprojects: {}
sigs: []
";
    let converted = read(yaml);
    let gs = groups(&converted);
    let ids: Vec<&str> = gs.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["cncf-tag-x", "cncf-no-dir-here"]);
    let x = &gs[0];
    assert_eq!(x.name, "tag-x");
    assert_eq!(x.meetings[0].title, "tag-x meeting");
    assert_eq!(x.meetings[0].published, "No time published");
    assert_eq!(x.chat.len(), 1);
    assert_eq!(
        (x.chat[0].channel.as_str(), &x.chat[0].id),
        ("#batch", &None)
    );
    assert_eq!(x.leads.len(), 2);
    assert_eq!(x.leads[0].name, "Mona Borham");
    assert_eq!(x.leads[0].github, None);
    assert_eq!(
        x.leads[1].role.as_deref(),
        Some("TOC liaison (term 2025-13-01 to 2026-06-30)")
    );
    let expected = [
        "1:1: warning: 1 of 1 meetings publish no day or time, only a calendar link; townhall can't say when they next meet",
        "3:11: warning: `name` should be text, found a list; ignored",
        "4:5: warning: unknown key `mision_statement` in a TAG (did you mean `mission_statement`?); townhall ignores it",
        "6:7: warning: `leadership` should be a mapping, found a list; ignored",
        "8:22: warning: `description` should be text, found a list; ignored",
        "9:23: warning: `tag_calendar`: \"javascript:alert(1)\" uses the scheme `javascript:`; only http, https, mailto, tel links are allowed; ignored",
        "11:14: warning: `slack` \"https://cloud-native.slack.com/archives/C1\" is not an id townhall can link to; ignored",
        "13:21: warning: `mailing_list` is the placeholder \"TBD\", not a link; treated as absent",
        "15:20: warning: `github` \"Mona Borham\" is not a GitHub handle; ignored",
        "16:37: warning: term start \"2025-13-01\" is not a date (YYYY-MM-DD); kept as written",
        "16:69: warning: unknown key `extra` in a TOC liaison entry; townhall ignores it",
        "17:5: warning: a TAG should be a mapping, found \"just text\"; skipped",
        "19:18: warning: `toc_subprojects` should be a list, found a mapping; ignored",
        "20:1: warning: unknown key `sigs` in the top level (did you mean `tags`?); townhall ignores it",
    ]
    .map(|m| format!("tags.yaml:{m}"));
    assert_eq!(messages(&converted), expected);
}

#[test]
fn a_file_that_is_not_a_mapping_is_an_error() {
    let converted = read("- dir: tag-x\n");
    assert!(converted.file.is_none());
    assert_eq!(
        messages(&converted),
        [
            "tags.yaml:1:1: a CNCF tags.yaml is a mapping with `tags` and `toc_subprojects`, found a list"
        ]
    );
}

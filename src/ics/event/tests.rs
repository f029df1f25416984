//! UIDs and the join details of one event.

use super::{description, fnv1a, uid};
use crate::model::{Meeting, Phone, Toll};

#[test]
fn uid_is_the_same_every_time_and_differs_by_meeting() {
    let a = uid("cncf-wg-serverless", 0, "Weekly Serverless WG call");
    assert_eq!(a, uid("cncf-wg-serverless", 0, "Weekly Serverless WG call"));
    // Fixed by FNV-1a's definition, so it can't drift with the compiler.
    assert_eq!(a, "cncf-wg-serverless-0-e346e306@townhall");
    assert_ne!(a, uid("cncf-wg-serverless", 1, "Weekly Serverless WG call"));
    assert_ne!(
        a,
        uid("cncf-wg-serverless", 0, "Monthly Serverless WG call")
    );
    assert_ne!(a, uid("cncf-wg-other", 0, "Weekly Serverless WG call"));
}

#[test]
fn fnv1a_matches_its_reference_values() {
    assert_eq!(fnv1a(b""), 0x811c_9dc5);
    assert_eq!(fnv1a(b"a"), 0xe40c_292c);
    assert_eq!(fnv1a(b"foobar"), 0xbf9c_f968);
}

#[test]
fn description_lists_the_join_details_in_order() {
    let meeting = Meeting {
        title: "Sync".to_string(),
        published: "Tuesdays, 9am PT".to_string(),
        join: Some("https://zoom.us/j/123".to_string()),
        meeting_id: Some("123".to_string()),
        passcode: Some("42".to_string()),
        one_tap: vec![Phone {
            region: Some("US".to_string()),
            number: "+16465588656,,123#".to_string(),
            toll: Toll::Unknown,
        }],
        dial_in: vec![
            Phone {
                region: Some("US".to_string()),
                number: "+1 646 558 8656".to_string(),
                toll: Toll::Toll,
            },
            Phone {
                region: None,
                number: "877 853 5247".to_string(),
                toll: Toll::TollFree,
            },
        ],
        international: Some("https://zoom.us/u/abc".to_string()),
        notes: Some("https://docs.example/notes".to_string()),
        remarks: Some("Use *6 to mute.".to_string()),
        ..Meeting::default()
    };
    assert_eq!(
        description(&meeting),
        "Time as published: Tuesdays, 9am PT\n\
         Join: https://zoom.us/j/123\n\
         Meeting ID: 123\n\
         Passcode: 42\n\
         One tap (US): +16465588656,,123#\n\
         Dial-in (US, toll): +1 646 558 8656\n\
         Dial-in (toll-free): 877 853 5247\n\
         International numbers: https://zoom.us/u/abc\n\
         Notes: https://docs.example/notes\n\
         Use *6 to mute."
    );
}

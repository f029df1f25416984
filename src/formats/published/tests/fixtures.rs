//! The real registries in `tests/fixtures/upstream`, read as published: how much of each townhall
//! can schedule, and that what it can't is what it was meant not to.

use serde_yaml::Value;

use super::assert_rule_accepts;
use super::{from_fields, from_sentence};

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/upstream/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_yaml::from_str(&text).unwrap()
}

/// A Kubernetes meeting's four fields, and whether it is a group's own (not a subproject's).
struct KubernetesMeeting {
    group_level: bool,
    fields: [Option<String>; 4],
}

fn kubernetes_meetings() -> Vec<KubernetesMeeting> {
    let sigs = fixture("kubernetes-sigs.yaml");
    let mut meetings = Vec::new();
    let mut add = |list: &Value, group_level: bool| {
        for meeting in list.as_sequence().into_iter().flatten() {
            let field = |key: &str| meeting.get(key).and_then(Value::as_str).map(String::from);
            let fields = ["day", "time", "tz", "frequency"].map(field);
            meetings.push(KubernetesMeeting {
                group_level,
                fields,
            });
        }
    };
    for kind in ["sigs", "workinggroups", "usergroups", "committees"] {
        for group in sigs[kind].as_sequence().into_iter().flatten() {
            add(&group["meetings"], true);
            for subproject in group["subprojects"].as_sequence().into_iter().flatten() {
                add(&subproject["meetings"], false);
            }
        }
    }
    meetings
}

/// The Kubernetes meetings left unread on purpose, as `day | frequency`.
const KUBERNETES_UNREADABLE: [&str; 2] = [
    // The Wednesday after the fourth Tuesday is not a weekday of the month: it is the 4th or
    // the 5th Wednesday depending on the month.
    "Wednesday | monthly - Wednesday, after the fourth Tuesday, every month",
    // Monthly on Thursdays, but not which Thursday of the month.
    "Thursday | monthly",
];

#[test]
fn kubernetes_meetings_are_read_but_for_two_that_do_not_say_which_week() {
    let meetings = kubernetes_meetings();
    assert_eq!(meetings.len(), 102);
    assert_eq!(meetings.iter().filter(|m| m.group_level).count(), 72);
    let mut unreadable = Vec::new();
    let mut read = [0, 0];
    for meeting in &meetings {
        let [day, time, tz, frequency] = meeting.fields.each_ref().map(Option::as_deref);
        match from_fields(day, time, tz, frequency) {
            Ok(specs) => {
                assert_eq!(specs.len(), 1, "{:?}", meeting.fields);
                specs.iter().for_each(assert_rule_accepts);
                read[0] += 1;
                read[1] += usize::from(meeting.group_level);
            }
            Err(why) => unreadable.push((meeting.fields.clone(), why.to_string())),
        }
    }
    let listing = format!("unreadable: {unreadable:#?}");
    assert!(
        read[0] * 100 >= 95 * 102,
        "{} of 102 read; {listing}",
        read[0]
    );
    assert!(
        read[1] * 100 >= 95 * 72,
        "{} of 72 read; {listing}",
        read[1]
    );
    let left: Vec<String> = unreadable
        .iter()
        .map(|(f, _)| {
            format!(
                "{} | {}",
                f[0].as_deref().unwrap_or(""),
                f[3].as_deref().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(left, KUBERNETES_UNREADABLE, "{listing}");
    assert_eq!(read, [100, 70]);
}

fn opentelemetry_schedules() -> Vec<String> {
    let workstreams = fixture("opentelemetry-workstreams.yml");
    let mut schedules = Vec::new();
    for workstream in workstreams.as_sequence().unwrap() {
        for resource in workstream["resources"].as_sequence().into_iter().flatten() {
            if let Some(schedule) = resource["meeting"]["schedule"].as_str() {
                schedules.push(schedule.to_string());
            }
        }
    }
    schedules
}

/// The OpenTelemetry schedules left unread on purpose.
const OPENTELEMETRY_UNREADABLE: [&str; 2] = [
    // No day and no time: it points at two other groups' meetings.
    "Meets during OpenTelemetry Operator and OpenTelemetry Collector",
    // Says outright that the day and time vary.
    "Monthly on a different day, at a different time (see Slack channel)",
];

#[test]
fn opentelemetry_schedules_are_read_but_for_two_that_name_no_time() {
    let schedules = opentelemetry_schedules();
    assert_eq!(schedules.len(), 52);
    let mut unreadable = Vec::new();
    let mut meetings = 0;
    for schedule in &schedules {
        match from_sentence(schedule) {
            Ok(specs) => {
                specs.iter().for_each(assert_rule_accepts);
                meetings += specs.len();
            }
            Err(why) => unreadable.push((schedule.as_str(), why.to_string())),
        }
    }
    let texts: Vec<&str> = unreadable.iter().map(|(text, _)| *text).collect();
    assert_eq!(texts, OPENTELEMETRY_UNREADABLE, "{unreadable:#?}");
    assert_eq!(schedules.len() - unreadable.len(), 50);
    assert_eq!(meetings, 62);
}

//! `hocso preview`: one lesson, shown again whenever its file changes.

use super::{Effect, Model, Screen, Settings, Size};
use crate::i18n::Lang;
use crate::lesson::Lesson;
use crate::store::RunKind;

impl Model {
    /// A model for `hocso preview`: one lesson, open at `step` (an id), no learner.
    pub fn preview(
        lesson: Lesson,
        step: Option<&str>,
        file: String,
        size: Size,
        settings: Settings,
    ) -> (Model, Vec<Effect>) {
        let index = step
            .and_then(|id| lesson.steps.iter().position(|s| s.id == id))
            .unwrap_or(0);
        let plan = (0..lesson.steps.len()).collect();
        let mut model = Model::new(vec![lesson], Lang::Vi, size);
        model.preview = Some(file);
        model.settings = settings;
        let mut effects = model.open_run(0, RunKind::Full, plan, index);
        super::speech::say_what_appeared(&model, &Vec::new(), &mut effects);
        (model, effects)
    }
}

/// `preview`: the lesson file changed; its lesson, or the checker's lines.
pub(super) fn reloaded(model: &mut Model, result: Result<Box<Lesson>, Vec<String>>) -> Vec<Effect> {
    let current = match &model.screen {
        Screen::Lesson(run) => model
            .lessons
            .first()
            .and_then(|l| l.steps.get(run.step()))
            .map(|s| s.id.clone()),
        Screen::Broken { step, .. } => step.clone(),
        _ => None,
    };
    // The order the answers were shown in: an edit to their words must not move them
    // under the author's eyes.
    let shown = match &model.screen {
        Screen::Lesson(run) => Some((run.state.options.clone(), run.state.pool.clone())),
        _ => None,
    };
    // An explanation open over the step is of the text before the edit.
    model.word = None;
    match result {
        Ok(lesson) => {
            let index = current
                .and_then(|id| lesson.steps.iter().position(|s| s.id == id))
                .unwrap_or(0);
            let plan = (0..lesson.steps.len()).collect();
            model.lessons = vec![*lesson];
            let effects = model.open_run(0, RunKind::Full, plan, index);
            if let (Screen::Lesson(run), Some((options, pool))) = (&mut model.screen, shown) {
                let same = |old: &[usize], new: &[usize]| {
                    let mut sorted = old.to_vec();
                    sorted.sort_unstable();
                    old.len() == new.len() && sorted.iter().copied().eq(0..new.len())
                };
                if same(&options, &run.state.options) {
                    run.state.options = options;
                }
                if same(&pool, &run.state.pool) && run.state.placed.is_empty() {
                    run.state.pool = pool;
                }
            }
            effects
        }
        Err(lines) => {
            model.screen = Screen::Broken {
                lines,
                step: current,
            };
            vec![Effect::StopNarration]
        }
    }
}

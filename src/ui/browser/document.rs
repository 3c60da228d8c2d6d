//! The document follows the state: the theme and text size on the root
//! element (for the stylesheet), and the title and description of the view shown.

use yew::prelude::*;

use crate::ui::context::Ctx;
use crate::ui::meta;
use crate::ui::prefs::LAYOUTS;

/// Sets `data-theme`, `data-text-size` and the reading layout's (`data-font`,
/// `data-width`, `data-spacing`) on `<html>` when the preferences
/// change, and the title and `<meta name=description>` when the view does.
#[hook]
pub(super) fn use_document_meta(ctx: &Ctx) {
    let state = &ctx.state;
    use_effect_with(state.prefs.clone(), |prefs| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-theme", prefs.theme.name());
            let _ = root.set_attribute("data-text-size", &prefs.text_scale().to_string());
            for (i, layout) in LAYOUTS.iter().enumerate() {
                let _ = root.set_attribute(&format!("data-{}", layout.key), prefs.layout_name(i));
            }
        }
    });
    let articles = ctx.answers.articles;
    use_effect_with((state.location.clone(), ctx.shown.clone()), move |(location, shown)| {
        let article = shown.article().map(|a| &a.article);
        let (title, description) = meta::page_meta(location, article, articles);
        let document = gloo::utils::document();
        document.set_title(&title);
        if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", &description);
        }
    });
}

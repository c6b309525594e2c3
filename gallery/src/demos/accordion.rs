//! Accordion demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// One section open at a time (the default); the first starts open.
pub fn single() -> impl IntoView {
    view! {
        <Accordion default_value=vec![String::from("shipping")]>
            <AccordionItem value="shipping" title="Shipping">
                <p>"Orders leave our warehouse within two working days."</p>
            </AccordionItem>
            <AccordionItem value="returns" title="Returns">
                <p>"Send anything back within 30 days, free of charge."</p>
            </AccordionItem>
            <AccordionItem value="warranty" title="Warranty">
                <p>"Two years on every product, parts and labour."</p>
            </AccordionItem>
        </Accordion>
    }
}

/// Several sections open at once, with a disabled one.
pub fn multiple() -> impl IntoView {
    view! {
        <Accordion multiple=true>
            <AccordionItem value="profile" title="Profile">
                <p>"Your name and photo."</p>
            </AccordionItem>
            <AccordionItem value="notifications" title="Notifications">
                <p>"Email and push settings."</p>
            </AccordionItem>
            <AccordionItem value="sso" title="Single sign-on" disabled=true>
                <p>"Available on the Enterprise plan."</p>
            </AccordionItem>
        </Accordion>
    }
}

/* chorus-sample-phrases-en.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-sample-private.h"

/* English phrase banks for the sample community of Tallpine Outdoor Co., a
 * fictional brand. This is sample data, not interface text: it is never
 * translated. Slots in braces are filled by chorus-sample-text.c: {P} any
 * product, {Z} one with a zipper, {T} a tent, {W} something to wear, {p} a
 * place outdoors, {C} a city, {c} a colour, {d} a moment, {s} a size, {e} an
 * emoji, {o} an order number, {n} 2–9, {N} 3–14, {b} the brand's handle and
 * {r} the person being answered. Sentences avoid agreeing a verb with a
 * product, so that any product fits any slot. */

#define BANK(array) { array, G_N_ELEMENTS (array) }

static const char * const products[] = {
  "Summit 2 tent", "Summit 3 tent", "Ridgeline 35 pack", "Ridgeline 50 pack",
  "Cedar down jacket", "Alpine Shell jacket", "Trail Runners", "Switchback boots",
  "Drift sleeping bag", "Basecamp stove", "Skyline poles", "Trail Mug", "Summit Tee",
  "Merino 200 base layer", "Ridge UL1 tent", "Cascade rain pants",
};
static const char * const zipped[] = {
  "Summit 2 tent", "Ridgeline 35 pack", "Ridgeline 50 pack", "Cedar down jacket",
  "Alpine Shell jacket", "Drift sleeping bag", "Summit 3 tent", "Cascade rain pants",
};
static const char * const tents[] = { "Summit 2 tent", "Summit 3 tent", "Ridge UL1 tent" };
static const char * const wearables[] = {
  "Alpine Shell jacket", "Cedar down jacket", "Summit Tee", "Trail Runner",
  "Merino 200 base layer", "Switchback boot", "Cascade rain pants",
};
static const char * const places[] = {
  "Pine Ridge", "Lake Ellery", "Cathedral Peak", "Granite Pass", "the Highline Trail",
  "Sierra de Gredos", "Ordesa", "the Lost Coast", "Mount Sabre", "Hollow Creek",
  "the Bramble Lakes", "Eagle Saddle",
};
static const char * const cities[] = {
  "Portland", "Denver", "Lyon", "Leeds", "Madison", "Boulder", "Valencia", "Galway",
};
static const char * const colors[] = {
  "forest green", "burnt orange", "slate blue", "stone grey", "brick red", "mustard",
};
static const char * const when[] = {
  "last weekend", "yesterday", "on Saturday", "this morning", "over the long weekend",
  "two weeks ago", "on Sunday",
};
static const char * const sizes[] = { "S", "M", "L", "XL", "EU 42", "EU 44", "US 9" };
static const char * const emoji[] = {
  "🏕️", "⛺", "🥾", "🌲", "🏔️", "☀️", "🙌", "👍", "😅", "🤔", "😬", "❤️", "🔥", "💪", "🌧️",
  "🌄", "🎒", "🙏",
};
static const char * const hashtags[] = {
  "#Tallpine", "#TallpineTrail", "#TrailTested", "#hiking", "#backpacking", "#camping",
  "#ultralight", "#gearreview", "#optoutside",
};

/* Broken zippers: the complaint the sample is known for. */
static const char * const zipper_openers[] = {
  "Not happy right now.", "{b} quick question about a defect.", "Ugh, gear fail.",
  "Day {n} on the trail and this happens.", "Heads up if you own one of these.",
  "Hoping someone can help.",
};
static const char * const zipper_bodies[] = {
  "The main zipper on my {Z} split open after only {N} nights.",
  "The zipper pull on my {Z} snapped off this morning at {p}.",
  "The zipper on my {Z} keeps snagging on the storm flap, and now a few teeth are bent.",
  "The slider on my {Z} won't close anymore, the teeth just separate behind it.",
  "Half the teeth on the pocket zipper of my {Z} came loose in the rain at {p}.",
  "The two-way zipper on my {Z} jams every single time I open it from the bottom.",
  "Bought my {Z} in {c} {n} months ago and the zipper already feels like it's about to go.",
};
static const char * const zipper_details[] = {
  "I've been careful with it and never forced it.", "It was below freezing, if that matters.",
  "Had to hold it shut with a safety pin all night 😬", "Photos attached, order {o}.",
  "Everything else about it has been great, which makes this more annoying.",
};
static const char * const zipper_questions[] = {
  "Is this covered by the warranty?",
  "Can I get a replacement slider, or does the whole thing need to go back?",
  "Has anyone else had this?", "Is there a repair kit you'd recommend?",
  "How long does a warranty repair usually take?",
};
static const char * const zipper_closers[] = {
  "Not what I expect at this price.", "Pretty disappointed.",
  "Would appreciate a quick answer, I'm heading out again on Friday.", "Thanks in advance.",
};
static const char * const zipper_brand[] = {
  "So sorry about that, {r}! Zippers are covered by our lifetime warranty. Send us a DM with "
    "your order number and we'll ship a replacement slider this week.",
  "Thanks for flagging, {r}. Could you send us a photo of the slider? We'll get it sorted.",
  "That shouldn't happen, {r}. Our repair team fixes it for free: DM us and we'll email a "
    "prepaid label.",
  "Hi {r}, we're sorry! A few sliders from one batch were faulty. We'll replace yours right "
    "away, just DM us your order number.",
};
static const char * const zipper_titles[] = {
  "{Z} zipper failed after {N} nights", "Zipper pull snapped on my {Z}",
  "Stuck zipper on the {Z}, any fix?", "Warranty for a broken zipper?",
};

/* Tents people love. */
static const char * const tent_openers[] = {
  "Shout-out to {b}!", "Okay, I'm impressed.", "Gear appreciation post.", "Had to share this.",
  "Five stars from me.",
};
static const char * const tent_bodies[] = {
  "Spent {N} nights in my {T} at {p} and it stayed bone dry through two thunderstorms.",
  "Pitched my {T} in under four minutes at {p}, in the wind, by myself.",
  "My {T} handled 60 km/h gusts at {p} without a single bent pole.",
  "Third season with my {T} and it still looks brand new.",
  "The vestibule on my {T} fits two packs and my boots, which is all I ever wanted.",
  "Woke up to frost on the fly at {p} and not a drop of condensation inside my {T}.",
};
static const char * const tent_details[] = {
  "The {c} colour looks great in photos too.", "Packed size is tiny for a two-person tent.",
  "My partner is now a convert.", "Worth every cent.",
};
static const char * const tent_questions[] = {
  "Anyone tried it in snow yet?", "Is there a footprint that fits it?",
};
static const char * const tent_closers[] = {
  "Thanks for making good stuff.", "Already planning the next trip.", "Highly recommend.",
  "Well done, {b}.",
};
static const char * const praise_brand[] = {
  "This made our day, {r}! Thanks for taking us along 🌲",
  "Love this! Mind if we share your photo on our feed, {r}?", "Happy trails, {r}! 🥾",
  "Thank you, {r}! Tag #TrailTested next time so the whole community sees it.",
};
static const char * const tent_titles[] = {
  "Love letter to my {T}", "{N} nights in the {T}: still dry", "{T} in a storm at {p}",
};

static const char * const sizing_openers[] = {
  "Sizing question!", "Hi {b}!", "Help me pick a size.", "Before I order:",
};
static const char * const sizing_bodies[] = {
  "I'm 178 cm and usually wear size {s}. Should I size up in the {W}?",
  "Does the {W} run small? My last one in size {s} was tight across the shoulders.",
  "I'm between size {s} and the next one up for the {W}, and I'd wear a fleece underneath.",
  "How does the {W} fit compared to the older version? I had size {s}.",
  "Is the {W} cut for layering, or is it a slim fit?",
  "My feet are a bit wide. Would the Trail Runner in {s} work, or should I go half a size up?",
};
static const char * const sizing_questions[] = {
  "Any advice?", "What would you recommend?",
  "Is there a size chart with actual measurements?", "Can I exchange it if it doesn't fit?",
};
static const char * const sizing_closers[] = {
  "Thanks!", "Appreciate it 🙏", "Want to order before the weekend.",
};
static const char * const sizing_brand[] = {
  "Hi {r}! It's true to size with room for a light fleece; if you're between sizes, go up. "
    "Measurements: https://tallpine.example/size-guide",
  "Great question, {r}! The new version is a little roomier in the shoulders than the old one.",
  "Hi {r}, exchanges are free within 30 days, so you can't go wrong. Most people your height "
    "pick M.",
};
static const char * const sizing_titles[] = {
  "Sizing help: {W}", "{W} fit vs last year's model?", "Between two sizes for the {W}",
};

static const char * const shipping_openers[] = {
  "Hi {b},", "Shipping question.", "Anyone else waiting on an order?", "Hmm.",
};
static const char * const shipping_bodies[] = {
  "My order {o} has been stuck at 'label created' for {n} days.",
  "Do you ship to the Canary Islands? Checkout won't let me pick it.",
  "Tracking for {o} says delivered, but there's nothing at my door.",
  "How long does standard shipping take to {C}?",
  "Ordered the {P} {d} with express shipping and it still hasn't moved.",
  "Is free shipping still on for orders over €50?",
  "My package arrived with the box completely crushed. The {P} seems fine, though.",
};
static const char * const shipping_questions[] = {
  "Any update?", "Can someone check what's going on?",
  "Is there a way to change the delivery address?",
};
static const char * const shipping_closers[] = {
  "Thanks.", "Getting a bit nervous here.", "Otherwise love your stuff.",
};
static const char * const shipping_brand[] = {
  "Hi {r}, sorry for the wait! Could you DM us your order number? We'll check with the carrier "
    "right away.",
  "We do ship to the Canary Islands, {r}; it takes 5 to 7 days. Checkout should offer it now!",
  "Free shipping applies to orders over €50 until the end of the month, {r} 🙌",
  "So sorry, {r}! We've opened a claim with the carrier and a new parcel is on its way.",
};
static const char * const shipping_titles[] = {
  "Order {o} stuck in transit", "Shipping times to {C}?", "Parcel marked delivered but missing",
};

static const char * const returns_bodies[] = {
  "I'd like to return my {P}; it's unused with tags. How do I start?",
  "Sent back my {P} {n} weeks ago and haven't seen the refund yet.",
  "The return label link in the email gives me an error.",
  "Can I return the {W} I got as a gift without a receipt?",
  "Exchanged my {W} for size {s} and got the same size again.",
  "Your returns page says 30 days, but my order was {N} days ago. Any flexibility?",
};
static const char * const returns_closers[] = {
  "Thanks for your help.", "A bit frustrated, honestly.", "Cheers.",
};
static const char * const returns_brand[] = {
  "Hi {r}! You can start a return at https://tallpine.example/returns; it's free within 30 days.",
  "Sorry about the delay, {r}! Refunds take 3 to 5 business days after the warehouse scans the "
    "parcel. DM us and we'll check.",
  "No problem, {r}: gifts can be exchanged without a receipt. Just include the gift note.",
};
static const char * const returns_titles[] = {
  "Refund still pending for my return", "Return label link broken", "Exchange sent the wrong size",
};

static const char * const trip_openers[] = {
  "Trip report!", "Back from the hills.", "Finally.", "What a weekend.",
};
static const char * const trip_bodies[] = {
  "Just back from {N} days at {p}.", "Sunrise at {p} this morning.",
  "Finished the loop around {p} with my {P}.",
  "{N} nights, {n} river crossings and zero blisters at {p}.",
  "First solo overnight trip: {p}, with my {P}.",
  "Took the long way over {p} {d} and had the whole ridge to ourselves.",
};
static const char * const trip_details[] = {
  "MVP of the trip: the {P}.", "Weather turned on day two, but we had the right gear.",
  "Photos don't do it justice.", "Water was freezing, views were worth it.",
};
static const char * const trip_closers[] = {
  "Can't wait to go back.", "Highly recommend the route.", "Happy trails!",
};
static const char * const trip_titles[] = {
  "Trip report: {N} days at {p}", "{p} in {N} days, with photos", "Solo overnight at {p}",
};

static const char * const idea_openers[] = {
  "Idea for {b}:", "Feature request!", "Dear product team,", "Wishlist time.",
};
static const char * const idea_bodies[] = {
  "Would love a {c} version of the {P}.",
  "A hip-belt pocket big enough for a phone on the Ridgeline 35 would be perfect.",
  "Please bring back the old {P} with the side zip.",
  "Any chance of a women's-specific cut for the {W}?",
  "A repair kit that matches the {P} fabric would be so handy.",
  "What about a lighter tent for solo trips? Under 1 kg would be a dream.",
  "Could the {P} come with a stuff sack that still fits when it's wet?",
};
static const char * const idea_questions[] = {
  "Anyone else want this?", "Is anything like this planned?",
};
static const char * const idea_brand[] = {
  "Love this idea, {r}! Passing it to our product team 💡",
  "Noted, {r}! We're testing a few new colours for next season 👀",
  "You're not the first to ask, {r}, so it's on the list for the next update.",
};
static const char * const idea_titles[] = {
  "Feature request: {c} colourway", "Idea: phone pocket on the hip belt", "Bring back the side zip",
};

static const char * const care_openers[] = {
  "Care question!", "Hi {b}!", "Quick one:", "Gear care help, please.",
};
static const char * const care_bodies[] = {
  "How do I wash my {P} without ruining the coating?",
  "What's the best way to store my {T} over winter?", "Can I put the {W} in the dryer?",
  "The DWR on my {P} stopped beading water. Reproof or replace?",
  "Is that new smell on my {P} normal?",
};
static const char * const care_brand[] = {
  "Hi {r}! Cold, gentle cycle with a tech wash, then tumble dry low to reactivate the DWR. "
    "Full guide: https://tallpine.example/care",
  "Store it loose and dry, {r}, not in the stuff sack. A cotton bag in a cupboard is ideal.",
};
static const char * const care_titles[] = {
  "Washing the {P}?", "Reproofing advice", "Winter storage for the {T}",
};

static const char * const stock_openers[] = {
  "Hi {b},", "Restock question.", "Quick one:", "Been waiting for ages.",
};
static const char * const stock_bodies[] = {
  "When will the {P} be back in stock in {c}?", "Is the {W} in size {s} coming back?",
  "Saw the {W} at the {C} store but not online. Is it discontinued?",
};
static const char * const stock_brand[] = {
  "Hi {r}! It's coming back in early spring. You can sign up for a restock alert on the "
    "product page.",
  "Not discontinued, {r}! The new batch lands online next week.",
};
static const char * const stock_titles[] = {
  "Restock date for the {W}?", "{P} sold out again", "Is the {c} colour discontinued?",
};

static const char * const replies[] = {
  "Same here!", "Following, I have the same question.", "Great photo 😍",
  "Where exactly is that?", "+1, would buy.", "Thanks for sharing this.",
  "That's rough, hope they sort it out.", "Happened to me too; support fixed it quickly.",
  "Wow, what a view!", "Saving this for my next trip.", "Which version do you have?",
  "Did you hear back?", "Mine has been fine for two years, for what it's worth.",
  "Try a bit of candle wax on the zipper teeth, it worked for me.",
  "I went one size up and it's perfect with a fleece.", "Ordered mine {d}, fingers crossed.",
};
static const char * const follow_ups[] = {
  "Thanks, just sent the DM!", "Done, the order number is {o}.", "That was fast, thank you!",
  "Got it, will try that this weekend.", "Still waiting on this one…",
  "Update: the replacement arrived today. Great service 🙌", "Perfect, that answers it. Ordering now!",
};
static const char * const review_titles[] = {
  "Review: Tallpine {P} after {N} nights", "Long-term test: the Tallpine {P}",
  "Tallpine {P}: the good, the bad and the zipper", "Is the Tallpine {P} this year's best value?",
  "Tested: the Tallpine {P} in the rain",
};
static const char * const review_openings[] = {
  "We took the {P} to {p} for {N} nights of testing.",
  "The {P} has been our main kit for {N} trips this season, most recently at {p}.",
  "{N} nights outside and one very wet weekend at {p}: here is how the {P} did.",
};
static const char * const review_lines[] = {
  "On our scale it came in a little above the listed weight.",
  "Pros: great ventilation, sensible pockets, fair price.",
  "Cons: the zipper needs a firm hand, and the stuff sack is tight.",
  "Compared with last year's model, the fabric feels tougher.",
  "It's not the lightest option, but it's one of the most durable we've tested.",
  "It packs down small enough for a 35-litre pack with room to spare.",
  "After a night of steady rain, everything inside was still dry.",
};
static const char * const review_verdicts[] = {
  "Verdict: a solid pick for three-season trips.",
  "Verdict: buy it, but check the zipper before a long trip.",
  "Verdict: good value, not the lightest, built to last.",
};
static const char * const review_disclosures[] = {
  "Disclosure: Tallpine lent us this sample and did not see this review before we published it.",
  "We bought this one ourselves; nobody paid for this review.",
};
static const char * const trip_paragraphs[] = {
  "We left the car at the {p} trailhead just after six, headlamps on, with {N} days of food "
    "and far too much coffee. The first climb is steep and relentless, and by the time the sun "
    "hit the ridge we had already stopped twice to shed layers.",
  "Day two was the long one. The trail drops into a valley full of old pines and then follows "
    "the river for most of the afternoon. We crossed it {n} times; the last crossing was "
    "knee-deep and very cold, and I was glad of the extra socks.",
  "Camp that night was on a flat shelf above the lake. I pitched the {T} with the door facing "
    "away from the wind, which turned out to be the best decision of the trip, because around "
    "midnight the gusts really picked up.",
  "Bringing the {P} paid off: not the lightest thing in my pack, but the one thing I never had "
    "to think about, and after {N} days that is the highest praise I can give a piece of gear.",
  "Not everything went well. The zipper on my {Z} started to catch on the third morning and by "
    "the fourth it needed two hands and some swearing. I will be writing to Tallpine about it, "
    "because otherwise I love it.",
  "On the last morning we watched the fog roll out of the valley from the saddle at {p}. "
    "Nobody said anything for a good ten minutes. Then we ate the last of the chocolate and "
    "started the long walk down.",
  "Practical notes for anyone planning this route: water is plentiful until the final ridge, "
    "the permit office opens at eight, and the bus back to {C} only runs twice a day, so plan "
    "your last day around it.",
  "Gear list, for those who asked: {P}, {Z}, a cheap foam pad, the Basecamp stove and two "
    "litres of water capacity. Base weight was just under eight kilos.",
};
static const char * const odd_html[] = {
  "Is <b>this</b> the new {P}? The price says 129 &amp; shipping &lt;free&gt;",
  "<script>alert(1)</script> lol my cat walked on the keyboard",
  "Copy-pasted from the product page: <i>Built for the long way round</i><br>&nbsp;<div "
    "class=\"specs\">Weight: 1.4 kg</div>",
  "Try this link <a href=\"javascript:alert('x')\">tallpine deals</a> &#x1F525;",
  "<img src=x onerror=alert(2)> does the {P} come in {c}?",
};

static const ChorusSampleLanguage english = {
  .code = "en",
  .topics = {
    [SAMPLE_TOPIC_ZIPPER] = {
      BANK (zipper_openers), BANK (zipper_bodies), BANK (zipper_details),
      BANK (zipper_questions), BANK (zipper_closers), BANK (zipper_brand), BANK (zipper_titles),
    },
    [SAMPLE_TOPIC_TENT] = {
      BANK (tent_openers), BANK (tent_bodies), BANK (tent_details), BANK (tent_questions),
      BANK (tent_closers), BANK (praise_brand), BANK (tent_titles),
    },
    [SAMPLE_TOPIC_SIZING] = {
      BANK (sizing_openers), BANK (sizing_bodies), { NULL, 0 }, BANK (sizing_questions),
      BANK (sizing_closers), BANK (sizing_brand), BANK (sizing_titles),
    },
    [SAMPLE_TOPIC_SHIPPING] = {
      BANK (shipping_openers), BANK (shipping_bodies), { NULL, 0 }, BANK (shipping_questions),
      BANK (shipping_closers), BANK (shipping_brand), BANK (shipping_titles),
    },
    [SAMPLE_TOPIC_RETURNS] = {
      BANK (shipping_openers), BANK (returns_bodies), { NULL, 0 }, BANK (shipping_questions),
      BANK (returns_closers), BANK (returns_brand), BANK (returns_titles),
    },
    [SAMPLE_TOPIC_TRIP] = {
      BANK (trip_openers), BANK (trip_bodies), BANK (trip_details), { NULL, 0 },
      BANK (trip_closers), BANK (praise_brand), BANK (trip_titles),
    },
    [SAMPLE_TOPIC_IDEA] = {
      BANK (idea_openers), BANK (idea_bodies), { NULL, 0 }, BANK (idea_questions),
      { NULL, 0 }, BANK (idea_brand), BANK (idea_titles),
    },
    [SAMPLE_TOPIC_CARE] = {
      BANK (care_openers), BANK (care_bodies), { NULL, 0 }, { NULL, 0 },
      BANK (sizing_closers), BANK (care_brand), BANK (care_titles),
    },
    [SAMPLE_TOPIC_STOCK] = {
      BANK (stock_openers), BANK (stock_bodies), { NULL, 0 }, { NULL, 0 },
      BANK (sizing_closers), BANK (stock_brand), BANK (stock_titles),
    },
  },
  .products = BANK (products),
  .zipped = BANK (zipped),
  .tents = BANK (tents),
  .wearables = BANK (wearables),
  .places = BANK (places),
  .cities = BANK (cities),
  .colors = BANK (colors),
  .when = BANK (when),
  .sizes = BANK (sizes),
  .emoji = BANK (emoji),
  .hashtags = BANK (hashtags),
  .replies = BANK (replies),
  .follow_ups = BANK (follow_ups),
  .review_titles = BANK (review_titles),
  .review_openings = BANK (review_openings),
  .review_lines = BANK (review_lines),
  .review_verdicts = BANK (review_verdicts),
  .review_disclosures = BANK (review_disclosures),
  .trip_paragraphs = BANK (trip_paragraphs),
  .odd_html = BANK (odd_html),
};

const ChorusSampleLanguage *
_chorus_sample_phrases_en (void)
{
  return &english;
}

import { ANTICOAGULANT, activeSymptom, type GateRule, PERSON } from './gateWords.ts';

/** Gate: bleeding that will not stop, blood where it should not be, and any bleed or bruising on an anticoagulant. */

/** A bleed that has gone on for a long time ("nosebleed for an hour", "bleeding for 40 minutes"). */
const LONG_BLEED =
  /\b(nose ?bleed\w*|bleed\w*|nose (is |has been |keeps )?bleeding)\b[^.?!]{0,25}\b(for|over|lasted|lasting|going on( for)?|more than|longer than)\s+(over |more than |about |almost |nearly |like )?(an? (hour|half hour)|half an hour|(an|\d+|two|three|four|several|a few|a couple of?) ?(hours?|hrs?)|(1[5-9]|[2-9]\d|\d{3}) ?(minutes?|mins?)|(fifteen|twenty|thirty|forty|forty five|fifty) (minutes?|mins?))\b/;

/** Words that say a symptom is going on now ("since yesterday", "for two hours", "again"). */
const ONGOING =
  /\b(since|right now|currently|today|this morning|tonight|for (\d+ |two |three |four |five |several |a few |a couple (of )?|many )?(hours|days)|again)\b/;

export const bleeding: GateRule = {
  kind: 'bleeding',
  test: (t) => {
    // Bleeding that will not stop, or blood coming up, is urgent however it is phrased.
    if (
      /\b(wont|will not|doesnt|does not|cant|cannot|can not|not|isnt|hasnt|never|wouldnt) (stop|stopping|stopped|quit|quitting) (the )?(bleed\w*|blood)/.test(
        t,
      ) ||
      /\b(bleed\w*|nose ?bleed|blood)\b[^.?!]{0,40}\b(wont|will not|doesnt|does not|cant|cannot|can not|isnt|hasnt|not|wouldnt) (stop|stopping|stopped|quit|quitting|clot|clotting|slow\w*)\b/.test(
        t,
      ) ||
      /\bbleeding (for|since) (\d+|an?|over|hours|half|the last|two|three|ages)\b/.test(t) ||
      /\b(cant|cannot|can not|couldnt|unable to)\b[^.?!]{0,25}\bstop\b[^.?!]{0,15}\bbleed\w*/.test(t) ||
      /\bbleed\w*\b[^.?!]{0,30}\b(cant|cannot|can not|couldnt|unable to)\b[^.?!]{0,15}\bstop/.test(t) ||
      /\b(im|i am|been|is|are|keep|keeps|started) (vomit\w*|throw\w* up|puk\w*|cough\w*|spit\w*)( up)? (blood|bloody)/.test(
        t,
      ) ||
      /\b(vomited|threw up|puked|coughed up|coughing|coughed|spat|spitting) (up )?(blood|bloody)/.test(t) ||
      /\b(bleeding|gushing|pouring) (heavily|badly|a lot|everywhere|nonstop|non stop|profusely)\b/.test(t) ||
      /\bblood (is )?(coming|pouring|gushing|running) (out of|from)\b/.test(t) ||
      activeSymptom(t, /\b(gushing|pouring|streaming|spurting|squirting|dripping) (out )?(blood|bloody)\b/) ||
      activeSymptom(t, /\b(throwing up|vomiting|puking|coughing up|coughing|spitting up) (blood|bloody)\b/) ||
      activeSymptom(t, /\b(vomited|threw up|puked|coughed up|just vomited)\b[^.?!]{0,25}\bblood\b/) ||
      activeSymptom(
        t,
        /\b(peeing|pissing|pooping|shitting|passing|weeing) (out )?((lots of|a lot of|so much|loads of|some|clots of|big clots of) )?((bright|dark|fresh|deep) )?(red )?(blood|bloody|blood clots|clots)\b/,
      ) ||
      // Bleeding from the back passage is a bleed whatever the cause.
      activeSymptom(
        t,
        /\b(rectal (bleed\w*|blood)|bleed\w* (from|out of) (my |the |his |her |their )?(rectum|bum|butt|anus|bottom|back passage)|(rectum|bum|butt|anus|bottom) (is |keeps |has been |started )?bleeding)\b/,
      ) ||
      // A lot of blood where it should not be.
      /\b(a lot of|lots of|so much|loads of|tons of|too much|heaps of) (bright red |red |fresh )?blood\b[^.?!]{0,30}\b(toilet|stool|stools|poop|poo|wipe|wiping|urine|pee|bowl|rectum|bum|butt)\b/.test(
        t,
      ) ||
      // Blood in what someone passed ("my poop has blood in it").
      activeSymptom(
        t,
        /\b(poop|poo|stool|stools|pee|urine|wee|vomit|sick|diarrhea|diarrhoea) (has|had|with|contains|containing|is full of|full of|has got|covered in) (some |a lot of |lots of |bright red |red |fresh )?(blood|bloody)\b/,
      ) ||
      // Soaking a pad or tampon every hour is heavy bleeding.
      /\bsoak(ing|ed|s)? (through )?(a |one |my )?(pad|pads|tampon|tampons)\b[^.?!]{0,20}\b(every|an|each|in an|within an) hour\b/.test(
        t,
      ) ||
      // A nosebleed or other bleed that has lasted 15 minutes or more.
      activeSymptom(t, LONG_BLEED) ||
      // Vomit like coffee grounds is a stomach bleed, with or without an anticoagulant.
      activeSymptom(
        t,
        /\b(vomit\w*|threw up|throw\w* up|puk\w*|sick|spew\w*|brought up)\b[^.?!]{0,45}\b(coffee grounds?|ground coffee|coffee ground)\b|\bcoffee grounds? (vomit|sick|puke|like vomit)\b|\b(black|dark brown|brown|dark) (grainy |gritty )?(vomit|puke|sick)\b|\b(vomit\w*|puk\w*|threw up|throw\w* up)\b[^.?!]{0,30}\b(grainy|gritty|granular)\b/,
      )
    ) {
      return true;
    }
    const onAnticoagulant = ANTICOAGULANT.test(t);
    const personal = PERSON.test(t) || onAnticoagulant;
    // Symptoms that may only be asked about ("does natto cause black stools?"): urgent when
    // they are someone's own and happening, or on an anticoagulant.
    const symptom =
      /\b(blood|bloody|bleeding)\b[^.?!]{0,25}\b(in|from) (my |the |his |her |their )?(urine|pee|wee|stool|stools|poop|poo|feces|faeces|vomit|spit|bum|butt|rectum)\b|\bblood (when|whenever|every time|each time) (i|he|she|we|they) (pee|poop|poo|wee|urinate|go|wipe)\b|\bblood (in|on) the (toilet|bowl|toilet paper|tissue)\b|\b(peeing|pissing|pooping|shitting|passing|weeing) (out )?(blood|bloody)|\b(bloody|red|pink) (urine|pee|stool|stools|poop|diarrhea)\b|\b(peeing|pissing|weeing) (red|pink|brown)\b|\b(urine|pee|wee|stool|poop|poo) (is |looks |has turned |turned )?(dark |bright |all )?(bloody|red|pink|brown|cola|full of blood)\b|\b(vomit\w*|throw\w* up|puk\w*|cough\w*|spit\w*) (up )?(blood|bloody)|\b(vomit\w*|puk\w*|throw\w* up|sick)\b[^.?!]{0,40}\bcoffee grounds?\b|\b(stool|stools|poop|poo|poops|bowel movements?|feces|faeces)\b[^.?!]{0,30}\b(black|tarry|tar|like tar)\b|\b(black|tarry|tar like|tarlike|jet black) (and tarry |tarry )?(stool|stools|poop|poo|poops|feces|faeces|bowel movements?|diarrhea|shit)\b|\b(pooping|shitting) (black|tarry)\b|\b(heavy|massive|severe|uncontrolled|uncontrollable|huge) (bleed\w*|blood loss|nose ?bleeds?)\b/;
    if ((personal || ONGOING.test(t)) && activeSymptom(t, symptom)) return true;
    // On an anticoagulant, bleeding or bruising that is happening now is an emergency.
    if (onAnticoagulant) {
      const anticoagSymptom =
        /\b((im|i am|been|keep|keeps|kept|started|is|are|still|currently|now|started) (bleeding|bruising)|nose ?bleeds? (again|every|all|that|on and off)|(huge|large|big|massive|unexplained|weird|dark|purple|spreading)\b[^.?!]{0,15}\bbruis\w*|bruis\w*\b[^.?!]{0,25}\b(spreading|growing|getting bigger)|bruises (everywhere|all over)|(bleeding|bleed) gums|(heavy|heavier|very heavy) (period|periods|menstrual bleeding|bleeding)|gums (are |keep |have been )?bleeding|(a lot of|lots of|so much|too much) blood|(blood|bleeding) (everywhere|all over)|(blood|bleeding|it) keeps (going|coming)|keeps? bleeding|(severe|worst|terrible|splitting|sudden|pounding|bad) headache|(hit|bumped|bumping|banged|knocked|struck|hitting|banging) (my|his|her|their) head|head (injury|injuries|wound|trauma)|concussion|fell (and|down|over|off)|(had|took) a (bad )?fall|after a fall|(i|he|she|they|mom|mum|dad) fell\b(?! (asleep|for|behind|off the wagon|in love|short|apart|ill|sick|out))|head (is pounding|is killing me)|(short of breath|shortness of breath|breathless|cant breathe|cant catch (my|his|her) breath))/;
      if (activeSymptom(t, anticoagSymptom)) return true;
    }
    return false;
  },
};

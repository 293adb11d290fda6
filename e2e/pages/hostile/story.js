// The story every hostile test page shows: a short report on the Sarrow Valley offensive in our
// own words, with sentences the demo corpus can confirm or dispute. Pages render it themselves,
// the way client-side sites do.
(function () {
  var story = {
    outlet: 'The Evening Lantern',
    title: 'After eight days, a flag in Dunmere and a long road home',
    paragraphs: [
      'The army has taken full control of the Sarrow Valley after an eight-day offensive. Ministers in Orlen spent the week thanking the troops, while families in the garrison town of Keld asked when the buses north would run again.',
      'Soldiers raised the national flag over the governor’s compound in Dunmere on Wednesday. The compound had been the seat of the resistance administration for almost three years.',
      'According to the defence ministry, troops secured all eight districts of the valley by Sunday evening. Reporters who travelled north of Dunmere heard artillery after dark, and several villages could not be reached by telephone.',
      'About 12,000 people have fled the valley since the offensive began on October 8. Most of them are staying with relatives in Keld or in the town’s schools and sports hall.',
      'Resistance commander Anneke Sorel fled across the border into Lannia last weekend. Her supporters answered with a short video that they said was filmed in the hills above Brask.',
      'The government has set aside 300 million crowns to rebuild the valley’s roads and schools. Engineers hope to have the railway line to Orlen open again before the winter timetable starts.',
      'For the people sleeping on classroom floors in Keld, the first question is simpler than any figure from the ministry: when can they go home, and what will be left when they get there?',
    ],
  };

  /** A second story, for pages that move from one article to another without a page load. */
  story.next = {
    title: 'After the water: the Amber Delta counts its losses',
    paragraphs: [
      'At least 14 people have died in the floods. Rescue crews were still searching the reed beds south of Velmor on Friday for two fishermen who have not been seen since Monday.',
      'The River Tessa peaked at 6.2 metres at Velmor on Monday night. Older residents said they had never seen the water so high on the quay.',
      'Hundreds of homes were flooded in Velmor alone. Families carried furniture up to first floors and waited for the water to go down.',
      'About 2,400 people were evacuated from the delta during the floods. Most have returned to houses that will take months to dry out.',
      'Insurers estimate the damage at 120 million crowns, not counting the lost harvest.',
    ],
  };

  /** Builds the article element (a fresh one each call, as a re-rendering framework would). */
  story.render = function (doc, opts) {
    opts = opts || {};
    var article = doc.createElement('article');
    if (opts.className) article.className = opts.className;
    var h1 = doc.createElement(opts.headingTag || 'h1');
    var source = opts.story || story;
    h1.textContent = opts.title || source.title;
    article.appendChild(h1);
    var body = doc.createElement('div');
    body.className = 'story-body';
    source.paragraphs.forEach(function (text) {
      var p = doc.createElement('p');
      p.textContent = text;
      body.appendChild(p);
    });
    article.appendChild(body);
    return article;
  };

  /** A seeded generator, so generated text is the same on every load. */
  story.random = function (seed) {
    var s = seed >>> 0;
    return function () {
      s = (s + 0x6d2b79f5) >>> 0;
      var t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };

  var places = ['Keld', 'Brask', 'Vell', 'Orsk', 'Dunmere', 'Tarn', 'the northern villages', 'the river towns', 'the upper valley', 'the market square'];
  var people = ['Farmers', 'Teachers', 'Shopkeepers', 'Bus drivers', 'Nurses', 'Volunteers', 'Council workers', 'Students', 'Shepherds', 'Railway staff'];
  var verbs = ['talked about', 'worried about', 'wrote letters about', 'argued over', 'made plans for', 'asked questions about', 'waited for news of', 'cleared the way for'];
  var things = ['the harvest', 'the spring market', 'the road to the pass', 'the school term', 'the winter fuel', 'the mill', 'the old bridge', 'the water pumps', 'the post office', 'the choir'];
  var tails = ['while the rain came down', 'over coffee in the square', 'late into the evening', 'as the snow line crept lower', 'with neighbours from across the river', 'in the church hall', 'before the shops opened', 'under the lime trees'];

  /** About `words` words of calm filler prose in paragraphs, seeded. */
  story.filler = function (words, seed) {
    var rnd = story.random(seed || 1);
    var pick = function (list) { return list[Math.floor(rnd() * list.length)]; };
    var paragraphs = [];
    var count = 0;
    while (count < words) {
      var sentences = [];
      for (var i = 0; i < 6; i++) {
        var sentence = pick(people) + ' in ' + pick(places) + ' ' + pick(verbs) + ' ' + pick(things) + ' ' + pick(tails) + '.';
        count += sentence.split(' ').length;
        sentences.push(sentence);
      }
      paragraphs.push(sentences.join(' '));
    }
    return paragraphs;
  };

  window.HostileStory = story;
})();

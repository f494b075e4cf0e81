"""Write corpus.json for the relevance set.

Every title, opening text and reply below was written by hand for this set; this script only
parses the hand-written records and writes them out as JSON, in order, so that ids are stable
(c001, c002, ... in the order the records appear).

Record format:
    @ host/path | days_ago | author
    # title
    opening text (one or more lines, joined with spaces)
    - reply author | days_ago | reply text
"""
import json
import os

KIND = {
    "readingforum.example": "thread",
    "forum.adultlearners.example": "thread",
    "tutorsnetwork.example": "thread",
    "englishcorner.example": "thread",
    "newcomers.example": "thread",
    "gedprep.example": "thread",
    "gardenersforum.example": "thread",
    "transittalk.example": "thread",
    "sidelines.example": "thread",
    "libraryblog.example": "post",
    "riversideliteracy.example": "post",
    "parentingcorner.example": "post",
    "seniortech.example": "post",
    "kitchenbench.example": "post",
    "news.cityhall.example": "item",
    "events.townlibrary.example": "item",
    "grantwatch.example": "item",
    "riversidegazette.example": "item",
}

PARTS = []

# ---- volunteer reading tutors: recruiting, training, first sessions ----
PARTS.append(r"""
@ readingforum.example/t/thinking-about-becoming-a-volunteer-reading-tutor/4101 | 6.5 | Marisol T.
# Thinking about becoming a volunteer reading tutor - what is it really like?
I retired from nursing in the spring and keep seeing flyers asking for volunteer reading tutors for adults. I love books but I have never taught anyone anything except new nurses. How much time does it take each week, and do the programs train you or just hand you a learner and a workbook? Honest answers welcome.
- pageturner_jo | 6.1 | I have tutored with Riverside Literacy for three years. They run a two-evening training before you ever meet a learner, and a coordinator checks in after your first month. Most of us meet our learner once or twice a week for an hour and a half.
- Dev Kapoor | 5.8 | Your nursing background is a plus. Half of tutoring is patience and noticing when someone is tired or embarrassed. The phonics part you can learn.
- Marisol T. | 5.5 | That is reassuring. Did you find it hard to plan lessons at first?
- pageturner_jo | 5.2 | Yes, for about three weeks. Then you learn what your learner enjoys and the lessons mostly plan themselves. My learner wanted to read the driver's manual, so that became our textbook.
- RLC Volunteer Desk | 4.9 | Hi Marisol, thanks for considering it! Our next tutor orientation is on the 14th at the Main Street branch library. No teaching experience needed. Reply here or email the desk and we will save you a seat.
- quietlibrarian | 4.0 | Go for it. The adult learners I have met through the library program are some of the most determined people I know.
- Marisol T. | 2.5 | Signed up for the orientation. Thank you all, I will report back after my first session.

@ tutorsnetwork.example/t/first-session-with-adult-learner-went-badly/2217 | 14.0 | Henk
# First session with my adult learner went badly
I had my first tutoring session last night and I think I overwhelmed him. I brought three worksheets, a reading assessment and a book, and he barely spoke. He is 52, works in a warehouse, and told the intake person he wants to read letters from his daughter's school. Any advice for a second session that goes better?
- BeaReads | 13.6 | Drop the assessment for now. Ask him to bring one of those school letters and read it together. Adults come back when the lesson is about their own life.
- Tomasz W. | 13.2 | Also, talk more about him than about reading in the first weeks. Trust first, phonics later.
- Henk | 12.0 | Good point. I think I was trying to prove I was a proper teacher.
- LaToya Greene | 11.1 | We have all done that. I tutored for two years and my best sessions were the ones where I barely opened the binder.
- Henk | 3.0 | Update: third session yesterday, we read the school newsletter and he laughed at the lunch menu. Much better.

@ riversideliteracy.example/blog/we-need-40-new-volunteer-tutors-this-fall/ | 21.0 | Riverside Literacy
# We need 40 new volunteer tutors this fall
Our waiting list for one-to-one adult reading help has grown to 63 learners, the longest it has been since we opened. We are looking for 40 new volunteer tutors before November. You do not need a teaching degree, just patience, two hours a week and a willingness to attend our free tutor training. Tutors meet learners at public libraries and community centres across Riverside.
- Gloria P. | 20.2 | Shared this with my church group. Two people are already interested.
- Sam Whitfield | 18.9 | Is there an upper age limit? I am 78 and still sharp.
- Riverside Literacy | 18.5 | No upper age limit at all, Sam. Some of our longest-serving tutors are in their eighties.
- Anh Nguyen | 9.0 | I was a learner here six years ago. Now I want to be a tutor. Is that allowed?
- Riverside Literacy | 8.7 | Anh, absolutely yes, and learners often find former learners the most encouraging tutors of all. See you at training.

@ forum.adultlearners.example/viewtopic.php?t=3301 | 40.0 | Ruth Okafor
# Volunteer tutors: how do you keep going when your learner stops coming?
My learner stopped showing up three weeks ago. No answer on her phone. I know she has two jobs and a sick mother. I do not want to chase her but I do not want her to think I gave up either. Tutors, how do you handle disappearing learners?
- Tomasz W. | 39.0 | Send one short friendly text saying the door is open whenever she is ready. Then let the coordinator follow up.
- ReadingRick | 37.5 | Happens to about a third of my learners at some point. Life gets in the way. Half of them come back within a few months.
- Ruth Okafor | 30.0 | Thank you. I sent the text. The coordinator offered me a new learner meanwhile.

@ tutorsnetwork.example/t/best-tutor-training-programs/2241 | 95.0 | Priya S.
# Which tutor training was most useful to you?
Our small literacy council is redesigning its volunteer tutor training. Right now it is one six-hour Saturday. Tutors say they forget most of it. If you tutor adults, what training actually helped you, and what was a waste of time?
- BeaReads | 94.0 | Role-playing a first lesson helped more than anything. The lecture on reading theory I have completely forgotten.
- Dev Kapoor | 92.0 | Split it into short sessions with practice in between. And give us a mentor tutor to call.
- LaToya Greene | 90.5 | Observation. Sitting in on an experienced tutor's session for an hour taught me more than the whole manual.
- Priya S. | 88.0 | These are great. We are going to try two evenings plus an observation.
- Riverside Literacy | 87.0 | Priya, we moved to exactly that format last year and our six-month tutor retention went up noticeably. Happy to share our session outlines, send us a message.
- Priya S. | 86.0 | Thank you, message sent! I will share what we end up with.

@ readingforum.example/t/do-reading-tutors-need-a-background-check/4133 | 3.0 | gracie_m
# Do reading tutors need a background check?
The literacy program at our library asked for a background check before I can tutor adults. Is that normal? I understood it for children but my learner would be a grown woman. Just curious, not complaining.
- quietlibrarian | 2.6 | Normal at most programs. Many sessions happen one to one, and some learners are vulnerable adults. It protects you too.

@ libraryblog.example/2026/09/meet-our-tutors-three-stories/ | 33.0 | Elena Marsh
# Meet our tutors: three stories from the reading room
Every Tuesday evening the second floor of the library fills with pairs of people bent over books. They are volunteer tutors and adult learners. This month we asked three tutors why they give up their evenings. A retired bus driver told us he tutors because his own father never learned to read. A student said she wanted to do something that is not on a screen. A former librarian simply said she missed watching people discover books.
- Harold Benz | 31.0 | Lovely piece. I am the retired bus driver and my learner read a whole chapter aloud last week.
- Mina Farouk | 29.5 | Where do I sign up? The page does not say.
- Elena Marsh | 29.0 | Mina, the literacy desk on the second floor, or through Riverside Literacy who train our tutors.

@ tutorsnetwork.example/t/tutoring-tips-for-adults-who-hate-phonics/2260 | 160.0 | LaToya Greene
# Tutoring tips for adults who hate phonics
My learner says phonics makes her feel like a child. She is 40 and she is right that most materials look childish. What do other tutors use for decoding practice with grown-ups that does not feel babyish?
- Tomasz W. | 158.0 | Word families built from her job vocabulary. She works in a kitchen, so we did -ake words from bake, cake, make and then recipe cards.
- BeaReads | 150.0 | Newspaper headlines. Short, adult, and full of useful spelling patterns to practise.
- ReadingRick | 149.0 | Be honest with her about why it matters: decoding is like scales for a musician. Adults accept drills when they see the purpose.
- LaToya Greene | 140.0 | Headlines worked brilliantly, thank you. She brings her own paper now.

@ readingforum.example/t/tutor-orientation-dates/4170 | 52.0 | RLC Volunteer Desk
# Tutor orientation dates for autumn
Riverside Literacy tutor orientations this autumn: September 9 and 10 at Main Street library, October 14 and 15 at Eastside Community Centre, November 4 and 5 online. Both evenings of a pair are required. Orientations cover adult learning, reading assessment, lesson planning and how to use our learner materials. Questions welcome in this thread.
- gracie_m | 50.0 | Is the online one the same content as the in-person evenings?
- RLC Volunteer Desk | 49.8 | Same content, plus we mail you the tutor kit beforehand.

@ forum.adultlearners.example/viewtopic.php?t=3320 | 2.0 | Jamal Reese
# Is it too late to get a tutor at 61?
I never learned to read properly. I fake it at work and my wife reads my mail. I am 61. Is there any point getting a tutor now, or is my brain too old for this? I have never told anyone this except my wife.
- Ruth Okafor | 1.6 | It is not too late. I tutor a man who started at 67 and he now reads the sports page every morning. Thank you for telling us.
- ReadingRick | 1.4 | Your brain is fine. Adults learn to read at every age. Look for a free adult literacy program near you; they keep everything confidential.
- Riverside Literacy | 1.1 | Jamal, if you are in the Riverside area you can call us and nobody else will know. Our oldest learner this year is 74. It is never too late.
- Jamal Reese | 0.6 | I called today. First meeting is next Thursday. Scared but I did it.

@ tutorsnetwork.example/t/how-many-learners-should-one-tutor-take/2275 | 300.0 | Priya S.
# How many learners should one tutor take?
One of our volunteers wants to tutor four adults at once because the waiting list is long. Her heart is in the right place but I worry she will burn out. How many learners do your tutors usually take on?
- Dev Kapoor | 299.0 | One or two. Small groups of three can work for ESL conversation but reading tutoring is best one to one.
- BeaReads | 280.0 | We cap at two. The ones who take more quit within a year.

@ readingforum.example/t/reading-tutor-wanted-for-my-dad/4188 | 8.0 | kellyanne
# Reading tutor wanted for my dad (Riverside area)
My father is 70 and has always struggled to read. He finally agreed to get help but only if the tutor is patient and the sessions are near his house in Eastside. Does anyone know a good reading tutor or program for older adults around there?
- pageturner_jo | 7.0 | Riverside Literacy meets learners at the Eastside Community Centre. Free, and the tutors are trained for adults, not kids.
""")

# ---- ESL / English classes for immigrants, conversation practice ----
PARTS.append(r"""
@ newcomers.example/board/topic/512 | 4.0 | Yusuf A.
# Free English classes in Riverside? Evening only please
I arrived from Turkey eight months ago. I work days at a bakery. I need English classes in the evening, free or cheap. My speaking is okay but writing is very bad. Where do other newcomers go?
- Olena K. | 3.8 | Riverside Literacy has ESL classes Monday and Wednesday at 6:30 in the Eastside centre. Free. I went for one year, very good teachers.
- Carlos Medina | 3.5 | Also the library has a writing workshop for English learners on Saturdays.
- Yusuf A. | 3.0 | Thank you both. Monday I will go, after work at the bakery.
- RLC Volunteer Desk | 2.7 | Welcome Yusuf! Just come at 6:15 on Monday for a short placement chat. Bring nothing except yourself.

@ englishcorner.example/forum/thread/880-esl-class-level-too-easy | 12.0 | Fatima Z.
# My ESL class is too easy, should I change?
I am in the beginner English as a second language class at the community centre but I already know most things. The teacher is kind but I am bored. Is it rude to ask to move to intermediate?
- Mr. Dubois | 11.5 | Not rude at all. Teachers want you in the right level. Ask after class.
- Sunil R. | 10.0 | I moved up after two weeks. Nobody was offended, the teacher was happy.
- Fatima Z. | 6.0 | I asked and moved. Intermediate is hard but good hard.

@ riversideliteracy.example/blog/esl-registration-opens-for-winter-term/ | 44.0 | Riverside Literacy
# ESL registration opens for the winter term
Registration for our English as a Second Language classes opens on the first of the month. We offer four levels, from absolute beginner to advanced conversation, at three locations, with childcare at the Eastside site. Classes are free for Riverside residents. New students take a short placement conversation so we can find the right class. Bring a friend who is learning too.
- Lina Haddad | 43.0 | Is there a class on Saturday mornings? My husband works evenings.
- Riverside Literacy | 42.6 | Lina, yes, a mixed-level class at Main Street library, Saturdays 10 to 12.
- Pedro Alves | 30.0 | Registered. Thank you for the childcare, it makes it possible for me.

@ englishcorner.example/forum/thread/902-conversation-practice-partners | 1.5 | Sunil R.
# Looking for English conversation practice partners
My grammar is fine from school in India but I freeze when I need to speak quickly, especially on the phone at work. Does anyone want to practise English conversation once a week over coffee? I am in Riverside near the café on Fifth Street.
- Olena K. | 1.2 | I would like this! I have the same problem with phone calls.
- Mr. Dubois | 0.9 | The library conversation circle on Thursdays is also good for this. Low pressure, people of all levels.
- Sunil R. | 0.7 | Olena, let's meet Saturday at the café then, around ten in the morning?

@ newcomers.example/board/topic/530 | 75.0 | Carlos Medina
# English class with kids? Need childcare
I want to take English classes but I have two small children and no family here. Most classes are when my husband works. Does any program have childcare or a class where kids can come?
- Olena K. | 74.0 | Riverside Literacy has free childcare at the Eastside ESL class. My son loved it.
- Amira S. | 70.0 | Also the family literacy program at Hillcrest school lets parents learn English while kids do reading upstairs.
- Carlos Medina | 68.0 | I did not know this exists. Thank you! I will call them on Monday.

@ englishcorner.example/forum/thread/915-pronunciation-th-sound | 22.0 | Mei Lin
# Pronunciation help: the "th" sound
Every time I say "three" people hear "tree". My teacher in my English class showed me to put the tongue between the teeth but when I talk fast it goes away. Any exercises that worked for you?
- Mr. Dubois | 21.0 | Practise minimal pairs slowly every day: three/tree, thin/tin, think/sink. Record yourself on your phone.
- Fatima Z. | 20.0 | Same problem in Arabic speakers. Reading aloud to my daughter helped me a lot.
- Sunil R. | 18.0 | Don't worry too much. People understand from context. Clear is more important than perfect.

@ readingforum.example/t/teaching-esl-adults-who-cannot-read-in-first-language/4201 | 130.0 | BeaReads
# Teaching ESL to adults who cannot read in their first language
I volunteer with an English class where two students never went to school in their home country. They are learning spoken English and literacy at the same time. Standard ESL books assume you can read. What materials or approaches work for pre-literate English learners?
- Mr. Dubois | 129.0 | Picture-heavy materials and the language experience approach: they tell a story, you write it, they read their own words back.
- Tomasz W. | 125.0 | Go very slowly with the alphabet and use real objects. Many of these learners are sharp and have great memories for spoken language.
- Riverside Literacy | 120.0 | We run a small separate class for exactly this group because mixing them with literate learners discouraged them. Happy to share our reading list.
- BeaReads | 115.0 | That would be wonderful. Sending a message now, thank you so much.
- quietlibrarian | 110.0 | The library just bought a set of photo-based readers for adult beginners. Ask at the literacy desk.

@ news.cityhall.example/news/city-funds-evening-english-classes-1120 | 60.0 | City Communications Office
# City funds new evening English classes for newcomers
The City Council approved funding for two additional evening English classes for immigrants and refugees, to be delivered by Riverside Literacy at the Eastside Community Centre starting in January. The classes will add 40 places to a program that currently has a waiting list. Councillor Amaya said language is the first step to work and to civic life.

@ newcomers.example/board/topic/551 | 9.0 | Amira S.
# ESL teacher said my writing is "too formal" - what does it mean?
My ESL teacher returned my essay and wrote "too formal, write like you speak." In my country we learn writing must be very formal. How do I write less formal in English? Examples please.
- Mr. Dubois | 8.5 | Use contractions (I'm, don't), shorter sentences, and everyday words like "get" instead of "obtain".
- Yusuf A. | 8.0 | Read emails from coworkers and copy their style. That is how I learned.

@ englishcorner.example/forum/thread/930-online-vs-in-person-english-classes | 250.0 | Pedro Alves
# Online or in-person English classes - which helped you more?
I have a choice between a free in-person English class twice a week and an online course on my phone. Online is easier for my schedule. But I wonder if I will really speak if I only use the app. What did you choose?
- Olena K. | 249.0 | In person. The app taught me words, the class taught me to talk.
- Sunil R. | 245.0 | Both. App on the bus for vocabulary, class for real speaking practice.
- Pedro Alves | 240.0 | I will try both like Sunil. Thank you for the advice, everyone.

@ englishcorner.example/forum/thread/944-best-esl-school-cheap-fast | 5.0 | fastfluency_deals
# BEST ESL ENGLISH CLASSES cheap fast fluent in 30 days ESL ESL English
Learn English fast with our ESL English classes, English as a second language course, English lessons, IELTS, TOEFL, ESL tutor, English tutor online, adult literacy, reading tutor, citizenship English, GED English. Fluent in 30 days guaranteed or money back. Cheap ESL classes online now, click our website for English classes discount today only.

@ newcomers.example/board/topic/563 | 0.8 | Daria P.
# Where to take English as a second language classes with a toddler?
I just moved to Riverside from Ukraine with my 2 year old. I want English classes but I cannot leave her with anyone yet. Are there classes where a toddler can sit with me, or online classes with a real teacher? I would be grateful for any ideas.
""")

# ---- family literacy, family reading nights ----
PARTS.append(r"""
@ parentingcorner.example/2026/10/family-reading-night-at-hillcrest/ | 10.0 | Jenna Ruiz
# Our first family reading night at Hillcrest Elementary
Last Thursday our school held its first family reading night with Riverside Literacy. Parents and kids came in pajamas, volunteers read aloud in three languages, and every family went home with two free books. What surprised me most was the parents: several stayed afterwards to ask about classes for themselves. I think family reading nights reach adults that no flyer ever would.
- Marcus Bell | 9.5 | My son still talks about the dragon book. Will there be another one?
- Jenna Ruiz | 9.2 | Yes, the second Thursday of every month through May, same time and place.
- Riverside Literacy | 8.8 | Thank you for hosting, Jenna! Three parents signed up for adult classes that night, which is exactly why we do these.
- Lucia F. | 6.0 | Please do one in Spanish too. My mother would come.
- Riverside Literacy | 5.5 | Lucia, the November night will have a Spanish reading corner. Tell your mother!

@ readingforum.example/t/family-literacy-programs-worth-it/4215 | 55.0 | Dev Kapoor
# Are family literacy programs worth the effort?
Our board is debating whether to start a family literacy program where parents and children learn together, or keep putting everything into one-to-one adult tutoring. Family programs seem to need a lot of staff, childcare, food, and coordination with schools. For those who run them: what do you actually get out of it?
- Jenna Ruiz | 54.0 | Parents who would never walk into an "adult literacy" class will come for their kids. Then they stay for themselves.
- quietlibrarian | 53.0 | Our library's family program has the best retention of anything we run. Food helps a lot.
- Priya S. | 50.0 | Start small, with one school. Partner with the PTA for snacks and the school for the room.
- Riverside Literacy | 49.0 | We started with one school four years ago and now run in six. The hardest part was childcare for toddlers, not the teaching.
- Dev Kapoor | 45.0 | Very helpful. We will pilot in one school next spring.

@ events.townlibrary.example/events/family-literacy-night-november | 20.0 | Town Library Events
# Event: Family Literacy Night - November
Family Literacy Night. Thursday, 6:00-7:30 pm, Children's Room, Main Street branch. Stories, crafts and a free book for every child. Parents can meet Riverside Literacy volunteers to learn about adult reading and ESL classes. Pizza provided. All ages. Free. Registration not required. Tags: family, literacy, reading, children, ESL.

@ parentingcorner.example/2025/11/i-cant-read-to-my-kids/ | 380.0 | Anonymous Mom
# I couldn't read bedtime stories to my kids
This is hard to write. My kids are 5 and 7 and I have always made up stories at bedtime because I cannot read the books well. My daughter noticed last week. She asked why I never read the words. I want to learn, for them and for me. Has anyone been in this situation?
- Lucia F. | 379.0 | You are brave for writing this. Your made-up stories are a gift too. Look for a family literacy program, there you learn together with your kids.
- Marcus Bell | 375.0 | My dad learned when I was 10. I remember him reading me the newspaper sports page for the first time. I was so proud of him.
- Riverside Literacy | 370.0 | Please reach out to us, completely confidential. Many parents in our family literacy program started exactly where you are.
- Anonymous Mom | 300.0 | Update: I have been in the program for two months. Last night I read a whole picture book to them. My son clapped.
- Jenna Ruiz | 299.0 | This made me cry. Well done, and thank you for coming back to tell us.

@ riversideliteracy.example/blog/family-literacy-backpacks/ | 140.0 | Riverside Literacy
# Family literacy backpacks now at every branch library
Families can now borrow a family literacy backpack from any Riverside branch library. Each backpack holds picture books, a simple activity guide for parents written in plain English, Spanish and Arabic, and a puzzle. The backpacks are designed so that a parent who is still learning to read can share them confidently with young children.
- Hana Yilmaz | 138.0 | Borrowed one last week, the activity guide is easy and my kids loved the puzzle.
- quietlibrarian | 120.0 | They are very popular at our branch, we have a waiting list!

@ parentingcorner.example/2026/08/reading-together-when-english-is-new/ | 70.0 | Lucia F.
# Reading together when English is new for the parent
My English is not strong and my son's school sends home English books. I worried I would teach him wrong pronunciation. A teacher told me: read to him in Spanish too, talk about the pictures, and let him read English to me. Now he is the teacher some nights and he loves it. Sharing in case other immigrant parents feel the same worry.
- Amira S. | 68.0 | Same in our house with Arabic. My daughter corrects me and we laugh.
- Jenna Ruiz | 66.0 | Talking about books in any language builds reading skills. Thank you for sharing this.

@ events.townlibrary.example/events/family-storytime-bilingual | 3.0 | Town Library Events
# Event: Bilingual Family Storytime (English/Spanish)
Bilingual Family Storytime. Saturdays 10:30 am, Children's Room. Songs, rhymes and picture books in English and Spanish for children 0-5 and their grown-ups. Free. Parents who are learning English are especially welcome to join in the songs.

@ readingforum.example/t/family-reading-night-ideas/4240 | 1.0 | Jenna Ruiz
# Family reading night ideas that are not just "read a book"?
We are planning next month's family reading night and want something more active. Last time kids got restless after 20 minutes. What activities have worked at your family literacy evenings, especially ones that include parents who are not confident readers?
- quietlibrarian | 0.9 | Story walks: pages of a picture book posted along the hallway, families walk and read together.
- Priya S. | 0.8 | Make-your-own-book station. Parents write or dictate a sentence, kids draw. Nobody feels tested.
- Marcus Bell | 0.7 | Reader's theatre with simple scripts. Parents can take the small parts.
- Dev Kapoor | 0.6 | Scavenger hunt for words around the room. Works for all reading levels.
- Jenna Ruiz | 0.55 | These are fantastic, I am stealing all of them for next month's night.

@ parentingcorner.example/2024/06/summer-reading-family-challenge/ | 860.0 | Marcus Bell
# Our family summer reading challenge
This summer we made a chart on the fridge: every book anyone in the family reads gets a sticker, including Dad's audiobooks and Grandma's magazines. By August we had 71 stickers. It turned reading into a family game rather than homework.
- Jenna Ruiz | 855.0 | Love that audiobooks count. Listening is reading too, and it keeps the whole family involved.
""")

# ---- children's reading (neighbouring topic) ----
PARTS.append(r"""
@ parentingcorner.example/2026/09/my-8-year-old-hates-reading/ | 18.0 | Tara Nguyen
# My 8-year-old hates reading. Help?
Our son reads at grade level but refuses to read anything for fun. Every book is "boring". We tried comics, rewards, library trips. He loves football and dinosaurs. How did you get a reluctant child reader to enjoy books?
- Marcus Bell | 17.0 | Let him read about football. Sports almanacs, player biographies. Reading is reading.
- Jenna Ruiz | 16.5 | Read aloud to him even at 8. Stop at a cliffhanger and leave the book on the table.
- Hana Yilmaz | 15.0 | Graphic novels about dinosaurs. My son read the whole series in two weeks.
- Tara Nguyen | 10.0 | The dinosaur graphic novels worked! He asked for the next one. Thank you!

@ readingforum.example/t/children-reading-tutor-vs-adult-literacy/4255 | 210.0 | gracie_m
# Tutoring children vs adults - which would you choose?
I want to volunteer as a reading tutor and both the school reading buddies program and an adult literacy program are looking. For those who have done both, how different is it? I worry I will be better with kids.
- pageturner_jo | 208.0 | Adults need you to respect what they already know. Children need you to make it fun. Both need patience.
- Dev Kapoor | 205.0 | Adult learners change faster in my experience because they come by choice.
- gracie_m | 200.0 | I chose the adult program in the end. Thanks for the perspectives!

@ libraryblog.example/2026/07/summer-reading-program-results/ | 100.0 | Elena Marsh
# Summer reading program: 1,200 kids, 14,000 books
Our children's summer reading program closed with record numbers: 1,200 children logged more than 14,000 books. The most popular titles were graphic novels and animal facts. Thank you to the volunteers who ran the prize table every Saturday.
- Tara Nguyen | 98.0 | My kids loved the prize table every Saturday. Thank you librarians!

@ parentingcorner.example/2025/02/is-my-child-dyslexic/ | 620.0 | Rosa Jimenez
# Is my child dyslexic? Signs we noticed in first grade
Our daughter mixes up b and d, guesses words from pictures, and cries at homework. Her teacher says it is normal at 6. My husband has dyslexia and only found out at 30. Should we push for an assessment now or wait?
- Hana Yilmaz | 618.0 | Push now. Early help makes a huge difference and family history matters.
- Tara Nguyen | 610.0 | Ask the school in writing for an evaluation. That starts an official timeline.
- Rosa Jimenez | 560.0 | She was assessed and has dyslexia. She started a structured reading program and already reads better.

@ events.townlibrary.example/events/reading-buddies-kids | 15.0 | Town Library Events
# Event: Reading Buddies for grades 1-3
Reading Buddies. Wednesdays 4-5 pm. Teen volunteers listen to children in grades 1 to 3 read aloud and play word games. Free, registration required. Volunteers aged 14-18 can sign up at the children's desk.

@ parentingcorner.example/2026/10/phonics-apps-for-kindergarten/ | 4.0 | Hana Yilmaz
# Phonics apps for kindergarten: any good ones?
My daughter is starting to sound out words and asks to "play reading" on my phone. Which phonics apps for 5-year-olds are actually good and not just ads and noise? Free preferred.
- Tara Nguyen | 3.5 | We liked the library's free app collection. Log in with the library card.
- Marcus Bell | 3.0 | Honestly, magnetic letters on the fridge did more than any app for us.

@ readingforum.example/t/kids-book-recommendations-age-9/4262 | 45.0 | BookwormBen
# Kids' book recommendations for a 9-year-old who loves mysteries
My niece has finished every mystery series in her school library. What should she read next? She likes puzzles, codes and funny narrators. She is a fast reader and gets bored with anything too simple.
- quietlibrarian | 44.0 | Try the detective chapter books with the cat narrator, and any of the escape-room puzzle books.
- BeaReads | 43.0 | Classic mysteries with codes in the back were my favourite at that age.
- BookwormBen | 40.0 | She started the cat detective series and loves it. Thanks for the tip.
""")

# ---- GED / high school equivalency ----
PARTS.append(r"""
@ gedprep.example/viewtopic.php?t=701 | 11.0 | Shonda W.
# Passed my GED at 45!!
I left school at 16 when I got pregnant. Twenty-nine years later I finally have my high school equivalency. Math took me three tries. To everyone still studying: keep going. My daughter cried harder than I did at the ceremony.
- Luis Ortega | 10.8 | Congratulations!!! Math is my wall too. What helped you the third time?
- Shonda W. | 10.5 | A free tutor at the Riverside Literacy center who drew everything as pictures. Fractions finally made sense.
- Kev_studying | 10.0 | This gives me hope. I test in three weeks and math is my last part.
- Pam Ellis | 9.0 | Huge congratulations. That ceremony is the best day of the year for us teachers.
- Riverside Literacy | 8.5 | So proud of you Shonda! Come speak at our graduation next spring?
- Shonda W. | 8.0 | I would be honored. Just tell me the date and I will be there.

@ gedprep.example/viewtopic.php?t=715 | 2.5 | Kev_studying
# GED math section: how long did you study?
I passed reasoning through language arts and social studies. Only math is left and I am scared of it. How many weeks did you study for the GED math test and what did you use?
- Luis Ortega | 2.2 | Eight weeks, every night 30 minutes with the free practice tests. Learn the formula sheet and when to use each one.
- Pam Ellis | 1.8 | I teach GED prep. Most students need 2-3 months for math. Focus on fractions, percentages and basic algebra, they are most of the test.
- Shonda W. | 1.5 | Get a tutor if you can. Free ones exist. I wasted a year alone.

@ forum.adultlearners.example/viewtopic.php?t=3345 | 150.0 | Luis Ortega
# High school equivalency: GED or HiSET?
My state offers both the GED and the HiSET. Which is easier for someone who has been out of school for 20 years? I read that HiSET is paper-based and cheaper. Does it matter for jobs or college?
- Pam Ellis | 148.0 | Both are accepted by employers and community colleges here. HiSET lets you take subtests on paper, some people prefer that.
- ReadingRick | 145.0 | Ask the program near you which one they prepare for. Riverside Literacy preps for both.
- Luis Ortega | 100.0 | I went with GED because my class prepares for it. Thanks.

@ riversideliteracy.example/blog/ged-class-graduation-2026/ | 120.0 | Riverside Literacy
# Celebrating 23 GED graduates
On Saturday we celebrated 23 learners who earned their high school equivalency this year, the largest class in our history. Our graduates range in age from 19 to 66. Several are already enrolled at the community college; one is starting a nursing assistant program. Thank you to the volunteer math tutors who stayed late so many Tuesday nights.
- Pam Ellis | 119.0 | What a day. The speeches had the whole room in tears.
- Luis Ortega | 110.0 | Next year I will be in that photo. Two subjects left to go.
- Riverside Literacy | 60.0 | Luis, we will save you a spot in the front row.

@ gedprep.example/viewtopic.php?t=730 | 0.9 | Dana K.
# Can I take the GED online from home?
I work nights and have three kids. Is the online GED test real and accepted? What do you need for it, a special camera? Is anyone here who took it from home?

@ gedprep.example/viewtopic.php?t=733 | 35.0 | Marta G.
# GED essay tips - reasoning through language arts
The extended response question scares me. I have to read two articles and argue which one is better supported. I never wrote essays in school. Tips from people who passed?
- Pam Ellis | 34.0 | Use a simple plan: intro with your claim, two body paragraphs each with evidence from the text, short conclusion. Practise with a timer.
- Kev_studying | 33.0 | Quote the articles directly. Graders want to see evidence, not opinions.
- Marta G. | 20.0 | Passed with a good score. The simple plan helped a lot, thank you!

@ news.cityhall.example/news/adult-high-school-diploma-program-expands-1134 | 90.0 | City Communications Office
# Adult education centre expands high school equivalency classes
The Riverside Adult Education Centre will add morning and weekend high school equivalency (GED and HiSET) preparation classes this fall, in partnership with Riverside Literacy and the public library. Classes are free for residents over 18 who do not have a high school diploma.

@ forum.adultlearners.example/viewtopic.php?t=3360 | 500.0 | Theo B.
# Dropped out at 17, worth going back for a diploma at 38?
I have done fine in construction without a diploma but my back is getting bad and every office job asks for high school completion. Is it worth doing a GED now or should I go straight to a trade certificate?
- Pam Ellis | 498.0 | GED first. Most certificate programs and community colleges require it anyway.
- Shonda W. | 490.0 | Do it. I did mine at 45. You will be surprised what it opens up.

@ gedprep.example/viewtopic.php?t=745 | 5.0 | ged_fast_pass
# get GED diploma fast no test GED online diploma 100% real
GED diploma online no exam, high school diploma fast, GED certificate, GED test answers, adult high school, equivalency diploma, accredited diploma in one week. Contact us for GED diploma online cheap.
- Pam Ellis | 4.5 | Warning to everyone: there is no legitimate GED without a proctored test. This is a diploma mill.

@ gedprep.example/viewtopic.php?t=752 | 18.0 | Luis Ortega
# Study group for GED science and social studies (Riverside)?
Anyone want to meet at the library on Sunday afternoons to study for GED science and social studies together? I learn better talking things through. We could take turns explaining topics and do practice questions together.
- Marta G. | 17.5 | Yes! I have science left. Sunday afternoons work for me.
- Kev_studying | 17.0 | Count me in for social studies. I am terrible at the history dates.
- quietlibrarian | 16.0 | You can book study room 3 at Main Street for free, Sundays from 1.
""")

# ---- library programs for adult learners ----
PARTS.append(r"""
@ libraryblog.example/2026/10/new-adult-learning-corner/ | 7.0 | Elena Marsh
# The new Adult Learning Corner opens at Main Street
Visitors to the second floor will notice new shelves and tables: the Adult Learning Corner. It holds high-interest books written for adults who are building reading skills, GED study guides, citizenship test materials, ESL workbooks, and two computers reserved for learners. Riverside Literacy tutors can book the tables for sessions.
- Harold Benz | 6.5 | My learner and I used it yesterday. The new easy-reading novels are great.
- gracie_m | 6.0 | Any plans for evening hours? Most working learners cannot come before 5.
- Elena Marsh | 5.5 | Gracie, the corner is open until 8 pm Monday to Thursday.
- RLC Volunteer Desk | 4.0 | We have told all our tutors about the corner. Thank you library!

@ libraryblog.example/2026/06/library-cards-for-everyone/ | 130.0 | Elena Marsh
# A library card for everyone, no address needed
You can now get a Riverside Public Library card without proof of address. We made the change after hearing from adult literacy learners, newcomers and unhoused residents that paperwork kept them away. Bring any photo ID or a letter from a community agency.
- Olena K. | 128.0 | This is a big help for new immigrants. Thank you.
- Ruth Okafor | 125.0 | My learner got her first library card at 48. She keeps it in a special pocket of her wallet.

@ events.townlibrary.example/events/adult-reading-circle | 12.0 | Town Library Events
# Event: Adult Reading Circle (easy readers)
Adult Reading Circle. Tuesdays 6:30-7:30 pm, Meeting Room B. A relaxed reading group for adults building their reading skills. We read short, high-interest books together. No pressure to read aloud. Co-hosted with Riverside Literacy. Free.

@ readingforum.example/t/libraries-adult-literacy-role/4290 | 260.0 | quietlibrarian
# What should a public library's role in adult literacy be?
Library staff debate this at every conference. Should libraries run adult literacy programs themselves, or host community organizations that do it better? We have space and books; literacy groups have trained tutors. How does it work in your town?
- Priya S. | 258.0 | Partnership. The library gives rooms and materials, the literacy council gives tutors and training.
- Dev Kapoor | 255.0 | Libraries sometimes forget that a sign saying "adult literacy" at the entrance keeps people away. Discretion matters.
- Elena Marsh | 250.0 | We moved our tutoring tables away from the main entrance for that reason.
- Riverside Literacy | 245.0 | Our partnership with Riverside library is the backbone of what we do; most of our tutoring happens in their rooms.

@ events.townlibrary.example/events/calendar-october | 25.0 | Town Library Events
# Library events calendar: October
October at the library: Mon - ESL Conversation Circle 6pm; Tue - Adult Reading Circle 6:30pm, Tech Help for Seniors 2pm; Wed - Reading Buddies 4pm, Citizenship Study Group 6pm; Thu - Family Literacy Night (2nd Thursday), Knitting Club; Fri - Movie Matinee; Sat - Bilingual Storytime 10:30am, GED Study Hall 1pm. All programs free.

@ events.townlibrary.example/events/calendar-november | 2.0 | Town Library Events
# Library events calendar: November
November at the library: Mon - ESL Conversation Circle 6pm; Tue - Adult Reading Circle 6:30pm, Tech Help for Seniors 2pm; Wed - Citizenship Study Group 6pm, Chess Club; Thu - Family Literacy Night (Nov 13), Author Talk; Sat - Book Sale and Book Drive drop-off, Bilingual Storytime 10:30am, GED Study Hall 1pm. Closed Nov 27.

@ libraryblog.example/tag/literacy/ | 1.5 | Riverside Public Library
# Tag: literacy
Posts tagged literacy: The new Adult Learning Corner opens at Main Street; Meet our tutors: three stories from the reading room; A library card for everyone; Summer reading program results; Tech help for seniors is back; Book drive totals; ESL conversation circle moves to Mondays. Related tags: adult literacy, reading, tutoring, tutors, ESL, English classes, GED, family literacy, digital literacy, book drive.

@ libraryblog.example/2025/10/esl-conversation-circle-moves-to-mondays/ | 390.0 | Elena Marsh
# ESL conversation circle moves to Mondays
Starting next week the English conversation circle meets on Mondays at 6 pm instead of Thursdays, so that it does not clash with the adult education centre's classes. Everyone practising English is welcome; volunteers guide small groups by topic.
- Sunil R. | 388.0 | Monday works better for me, thank you. Thursday was my night shift.

@ readingforum.example/t/library-literacy-desk-hours/4301 | 0.7 | Mina Farouk
# Does the library literacy desk help with reading assessments?
My neighbour wants to improve his reading but is embarrassed to go to a class. Can the library literacy desk do a private reading assessment or do you need to register with a program first? Is it free?
""")

# ---- digital literacy for seniors ----
PARTS.append(r"""
@ seniortech.example/posts/teaching-my-mother-to-video-call | 16.0 | Walter Brandt
# Teaching my 84-year-old mother to video call
After six weeks of patient Sunday afternoons my mother can now video call her great-grandchildren on her tablet by herself. What worked: one skill per week, a paper cheat sheet with big screenshots, and never touching the screen for her. What did not work: explaining what "the cloud" is.
- Irene Kowalski | 15.0 | The "never touch the screen for them" rule is so important. I learned it the hard way with my dad.
- Walter Brandt | 14.5 | Yes, hands in pockets! It is harder than it sounds.
- Gus Fenton | 12.0 | I am 79 and this is exactly how my granddaughter taught me. The cheat sheet is still taped to my desk.

@ riversideliteracy.example/blog/digital-literacy-for-seniors-pilot/ | 35.0 | Riverside Literacy
# Digital literacy for seniors: what we learned from our pilot
This spring we ran an eight-week digital skills course for older adults at two senior centres. Participants learned to use email, video calls, online banking safely, and the library's e-books. The biggest barrier was not the technology but fear of scams and of "breaking something." Next year we will add a session on recognizing fraud, and pair each senior with a volunteer tech buddy.
- Irene Kowalski | 34.0 | I took the course at Oakview. The session on scam emails was the most useful hour of my year.
- Gus Fenton | 30.0 | Please add a class on the pharmacy app, all of us struggle with it.
- Riverside Literacy | 29.5 | Good idea Gus, the pharmacy app is noted for the next course.
- Walter Brandt | 22.0 | How can I volunteer as a tech buddy? I taught my mother, so I have practice.
- RLC Volunteer Desk | 21.0 | Walter, we train tech buddies in January. Sign up on the volunteer page and we will be in touch.

@ seniortech.example/posts/is-online-banking-safe-for-seniors | 48.0 | Irene Kowalski
# Is online banking safe for seniors?
My bank is closing our local branch and says I must use the app. I am 76 and worried about being tricked. Which rules do you follow to stay safe with online banking? I keep a notebook of rules but want to hear from others my age.
- Gus Fenton | 47.0 | Never click a link in a text message that says it is your bank. Open the app yourself.
- Walter Brandt | 45.0 | Set up a small daily limit. Even if someone gets in they cannot take much.
- Irene Kowalski | 40.0 | Good tips, both are added to my notebook. Thank you.

@ events.townlibrary.example/events/tech-help-for-seniors | 9.0 | Town Library Events
# Event: Tech Help for Seniors
Tech Help for Seniors. Tuesdays 2-4 pm, Computer Lab. Bring your phone, tablet or laptop and your questions. Volunteers help one-on-one with email, photos, video calls, passwords and apps. No question is too small. Free, drop in.

@ forum.adultlearners.example/viewtopic.php?t=3380 | 1.2 | Gus Fenton
# Computer class for seniors who can barely type?
I am 79 and never used a computer at work. Everything is online now, the doctor, the city, even the bus schedule. Is there a computer class for complete beginners my age, where they go slow? The ones I found assume you know what a "browser" is.
- Irene Kowalski | 1.0 | Riverside Literacy's digital skills course for seniors starts from zero. We learned to use the mouse on the first day.
- Walter Brandt | 0.9 | Also the library's Tech Help for Seniors on Tuesdays, drop in, very patient volunteers.

@ seniortech.example/posts/large-print-settings-guide | 140.0 | Walter Brandt
# Making phones readable: large text and zoom settings
A quick guide for older adults with tired eyes: how to make text larger on a phone, turn on magnification, and use read-aloud. Many of my neighbours did not know the phone can read a web page out loud for them. This also helps people who struggle with reading.
- Irene Kowalski | 138.0 | The read-aloud feature changed how I read the news every morning.

@ news.cityhall.example/news/digital-inclusion-plan-seniors-1150 | 110.0 | City Communications Office
# City adopts digital inclusion plan for older residents
The City's new digital inclusion plan will fund free device-lending and basic digital literacy training for residents over 65, delivered through the public library, senior centres and Riverside Literacy. The plan responds to a survey showing one in three older residents could not complete city forms online.

@ seniortech.example/posts/grandpa-and-the-tablet | 700.0 | Walter Brandt
# Grandpa and the tablet: a year later
A year ago my father-in-law refused to touch a tablet. Today he reads the newspaper on it, plays chess online and sends us photos of his tomatoes. Lesson: find the one thing someone truly wants to do, and teach only that.

@ readingforum.example/t/digital-literacy-is-literacy/4320 | 85.0 | Dev Kapoor
# Should literacy programs teach digital skills too?
More and more of our adult learners need help with job applications online, school apps for their kids, and telehealth. Our tutors are reading tutors, not tech support. Should literacy programs add digital literacy, or partner with someone else?
- Priya S. | 84.0 | Reading on screens IS reading now. We built short digital tasks into every lesson.
- quietlibrarian | 80.0 | Partner with the library. We have the computers and staff for that.
- Riverside Literacy | 78.0 | We do both: tutors handle everyday tasks like reading an email, and a separate digital skills course covers the rest.

@ seniortech.example/posts/scam-calls-grandma | 3.0 | Irene Kowalski
# Scam text pretending to be my grandson - what to tell friends?
A friend at the senior centre almost sent money after a text that said "Grandma, I lost my phone, this is my new number." How do you explain these scams to older friends who are new to smartphones without scaring them off technology?
- Gus Fenton | 2.5 | Simple rule: call the old number back before doing anything.
- Walter Brandt | 2.0 | The library's tech help volunteers did a short talk on exactly this. Maybe ask them to repeat it at your senior centre.
""")

# ---- book drives and book donations ----
PARTS.append(r"""
@ libraryblog.example/2026/10/book-drive-totals/ | 5.0 | Elena Marsh
# Book drive totals: 8,400 books collected
Our autumn book drive with Riverside Literacy collected 8,400 donated books in three weeks. Children's books go to family literacy backpacks and school reading corners, easy-reading adult titles go to tutors, and the rest will be sold at the November book sale to fund adult literacy classes. Thank you, Riverside!
- Tara Nguyen | 4.5 | My kids were so proud to donate their outgrown picture books.
- Sam Whitfield | 4.0 | Do you take old encyclopedias? I have a full set in the garage.
- Elena Marsh | 3.8 | Sam, sadly no, they are outdated and nobody buys them. Please recycle.
- Riverside Literacy | 3.0 | A huge thank you from all of us. These books will be in learners' hands by December.

@ riversideliteracy.example/blog/book-drive-what-we-need/ | 30.0 | Riverside Literacy
# Book drive: what we need (and what we can't use)
Our annual book drive starts Monday. Most wanted: picture books in good condition, bilingual children's books, easy-reading novels for adults, and recent GED and citizenship study guides. Please do not donate textbooks older than five years, magazines, or books with mould. Drop-off bins are at all branch libraries and at the Eastside Community Centre.
- Lina Haddad | 29.0 | Do you accept Arabic children's books? We have many our kids outgrew.
- Riverside Literacy | 28.5 | Yes please, Lina. Bilingual and non-English children's books are very welcome.
- Harold Benz | 25.0 | Dropped off two boxes of paperback westerns. My learner loves them.

@ forum.adultlearners.example/viewtopic.php?t=3395 | 66.0 | Beth Carraway
# Organizing a book drive at my office - tips?
I want to run a book drive at my workplace for an adult literacy charity. Has anyone organized one? How do you get people to actually bring books, and how do you get them to the charity?
- Priya S. | 65.0 | Ask the charity for a wish list first. Otherwise you collect 200 old diet books.
- Tomasz W. | 64.0 | A friendly competition between departments works. Weigh the boxes and post the scores.
- Beth Carraway | 50.0 | We collected 600 books! The department race was the key.

@ news.cityhall.example/news/city-hall-book-drive-1160 | 28.0 | City Communications Office
# City Hall hosts book drive for literacy programs
City Hall lobby will host a donation bin for the Riverside Literacy book drive through the end of the month. Residents can drop off gently used children's books and adult easy readers during office hours.

@ riversidegazette.example/2026/10/book-drive-fills-three-trucks/ | 4.0 | Gazette Staff
# Book drive fills three trucks for local literacy charity
Volunteers loaded three moving trucks on Saturday as the Riverside Literacy book drive wrapped up with more than 8,000 donated books. Organisers said children's picture books and easy-reading titles for adults will be distributed to family literacy programs, tutors and school classrooms. The remaining books will be sold at the library sale in November.

@ readingforum.example/t/what-to-do-with-books-that-nobody-wants/4333 | 400.0 | BookwormBen
# What to do with donated books that nobody wants?
I volunteer sorting donations for a literacy charity. After every book drive we have hundreds of books we cannot use: old computer manuals, 1990s travel guides, damaged paperbacks. Throwing them out feels wrong. What do other groups do with them?
- quietlibrarian | 398.0 | Some recyclers take paper books if you remove hard covers. Artists sometimes want them for projects.
- Tomasz W. | 390.0 | Write a clear wish list before the next drive. Prevention is easier.

@ kitchenbench.example/2026/09/cookbook-clear-out/ | 50.0 | Nadia Reyes
# My great cookbook clear-out
I finally went through my shelf of 140 cookbooks and kept 30. The rest went to the library book drive. Keepers: anything with stained pages, which means I actually cooked from it. Here are the ten I will never give away, starting with my grandmother's handwritten recipe binder.
- Paul Chen | 49.0 | The stained-page rule is genius. I am applying it to my shelf tonight.
- Nadia Reyes | 48.0 | It never lies! The clean ones were always the ones I never used.

@ events.townlibrary.example/events/book-sale-and-book-drive | 1.0 | Town Library Events
# Event: Fall Book Sale and Book Drive Drop-Off
Fall Book Sale. Saturday 9 am-3 pm, Main Street Library. Hardcovers $2, paperbacks $1, children's books 50 cents. Proceeds support Riverside Literacy adult reading programs. Book drive donations also accepted at the side entrance.

@ parentingcorner.example/2026/10/kids-run-a-book-drive/ | 6.0 | Tara Nguyen
# Our kids ran a book drive for the literacy center
My daughter's Girl Scout troop decided their service project would be a book drive for adults learning to read. They made posters, collected books at school and the grocery store, and learned something about why some grown-ups never had the chance to learn. They delivered 312 books on Saturday.
- Riverside Literacy | 5.5 | Thank you troop! Your posters are now on the wall in our office.
- Jenna Ruiz | 5.0 | What a wonderful lesson for the kids, and for the rest of us.
""")

# ---- dyslexia in adults ----
PARTS.append(r"""
@ forum.adultlearners.example/viewtopic.php?t=3410 | 13.0 | Greg Palmer
# Diagnosed with dyslexia at 42 - feeling angry and relieved
I always thought I was stupid. Teachers called me lazy. Last month a psychologist tested me and said I have dyslexia and probably always had it. I am relieved there is a reason, and angry that nobody noticed for 35 years. Anyone else diagnosed as an adult? How did you deal with it?
- Nora Vance | 12.8 | Diagnosed at 39. The anger lasted about a year. Then I started telling my story and it helped other people.
- ReadingRick | 12.5 | Many adult learners I tutor have undiagnosed dyslexia. You are far from alone.
- Greg Palmer | 12.0 | What actually helped your reading after the diagnosis? I want to start somewhere.
- Nora Vance | 11.5 | A structured literacy tutor, text-to-speech for work, and audiobooks for pleasure. I read more books now than ever.
- Ruth Okafor | 10.0 | Riverside Literacy has tutors trained in Orton-Gillingham style methods for adults with dyslexia. Free.
- Greg Palmer | 9.0 | Booked an intake appointment for next week. Thank you all.
- Dee Marsh | 4.0 | Diagnosed at 55 here. It is never too late to understand yourself.

@ readingforum.example/t/orton-gillingham-for-adult-learners/4345 | 70.0 | Tomasz W.
# Orton-Gillingham methods with adult learners
Has anyone used Orton-Gillingham or other structured literacy approaches with dyslexic adults? The training materials are very child-focused. I want to adapt them for a 30-year-old learner without making her feel like a second grader.
- BeaReads | 69.0 | Keep the structure, change the words. Use her vocabulary from work and adult texts for practice.
- Nora Vance | 66.0 | As a dyslexic adult: explain the WHY of each rule. Adults want the logic.
- Tomasz W. | 60.0 | Good advice, she responded well to the explanation of syllable types.

@ forum.adultlearners.example/viewtopic.php?t=3418 | 230.0 | Dee Marsh
# Dyslexic adults: do you tell your employer?
I am dyslexic and starting a new job at a hospital. There are a lot of written handovers. Should I tell my manager and ask for accommodations, or will they see me as less capable?
- Greg Palmer | 228.0 | I told mine. They gave me extra time for reports and speech-to-text software. Best decision.
- Nora Vance | 225.0 | It depends on the workplace culture, but legally you can ask for reasonable accommodations.
- Dee Marsh | 200.0 | I told them. The manager's son is dyslexic, she was very supportive.

@ libraryblog.example/2026/05/audiobooks-and-dyslexia/ | 160.0 | Elena Marsh
# Audiobooks, dyslexia and the joy of stories
Is listening to an audiobook "real reading"? For many adults with dyslexia, audiobooks are the door to literature they were locked out of at school. This month we highlight the library's free audiobook app and our collection of books with dyslexia-friendly fonts.
- Nora Vance | 158.0 | Thank you. Audiobooks gave me back the love of stories.

@ readingforum.example/t/signs-of-dyslexia-in-adult-learner/4360 | 0.6 | gracie_m
# How do I know if my adult learner has dyslexia?
I have tutored a woman for two months. She is clearly intelligent but reverses letters, cannot remember sight words from one week to the next, and gets exhausted after 20 minutes of reading. Could this be dyslexia? I am not qualified to diagnose it. What should a volunteer tutor do?

@ forum.adultlearners.example/viewtopic.php?t=3425 | 800.0 | Nora Vance
# Free dyslexia screening for adults?
Where can adults get tested for dyslexia without paying hundreds for a psychologist? My insurance does not cover it. I am 33 and only suspect it because my son was just diagnosed.
- ReadingRick | 798.0 | Some literacy programs do a free screening (not a full diagnosis). Community colleges' disability offices sometimes too.
- Nora Vance | 790.0 | Found a screening at the community college. Thanks for the tip.

@ riversideliteracy.example/blog/dyslexia-awareness-month/ | 25.0 | Riverside Literacy
# Dyslexia Awareness Month: adults too
October is Dyslexia Awareness Month, and most of what you will read is about children. But many of the adults who come to us for reading help have dyslexia that was never identified. This month our tutors are completing extra training on structured literacy, and we are offering free reading screenings for adults at the Main Street library.
- Greg Palmer | 24.0 | Thank you for talking about adults. We are invisible most of the time.
- Dee Marsh | 20.0 | Is the screening confidential? I do not want my employer to know.
- Riverside Literacy | 19.5 | Completely, Dee. Results are only shared with you and nobody else.

@ sidelines.example/t/quarterback-dyslexia-interview/612 | 45.0 | GridironGus
# Great interview with the quarterback about his dyslexia
Did anyone catch the interview where the quarterback talked about reading the playbook with dyslexia? He said coaches drew plays for him instead of writing them. Great to see athletes talk openly about it. Also, the defense last week was terrible, let's discuss.
- BlitzKing | 44.0 | Respect to him for saying it on camera. Now about that defense...
- GridironGus | 43.0 | The secondary was asleep the entire second half, every deep ball got through.
- Coach_Pete | 42.0 | Agreed, but they were missing two starters in the secondary.
""")

# ---- workplace literacy ----
PARTS.append(r"""
@ riversideliteracy.example/blog/workplace-literacy-at-valley-foods/ | 50.0 | Riverside Literacy
# Workplace literacy at Valley Foods: one year in
Last year Valley Foods asked us to run reading and English classes for workers on site, on paid time. Forty-one employees took part. Supervisors report fewer safety incidents, and eight workers have since been promoted to line leads, a job that requires reading production reports. Workplace literacy works best when the employer gives time, not just a room.
- Rob Fisher | 49.0 | I am one of the eight. Never thought I would be writing reports.
- Beth Carraway | 45.0 | Would you do this at a hospital for environmental services staff?
- Riverside Literacy | 44.5 | Beth, yes, we would love to talk. Our workplace programs are shaped with each employer.

@ forum.adultlearners.example/viewtopic.php?t=3440 | 19.0 | Rob Fisher
# Can't read the safety sheets at work - scared to ask
New rule at my plant: everyone has to read and sign the chemical safety sheets. I can read some but not those. The words are long and small. I am afraid if I say something they will let me go. What should I do?
- ReadingRick | 18.5 | You have a right to understand safety information. Ask HR privately if they offer workplace literacy support. Many companies do.
- Dee Marsh | 18.0 | A union rep, if you have one, can ask for you without naming you.
- Rob Fisher | 12.0 | Talked to my union rep. The company is bringing in a literacy program for the whole shift. Nobody was singled out.

@ grantwatch.example/items/4410 | 80.0 | GrantWatch
# Workforce board offers grants for workplace literacy and English programs
The Regional Workforce Board invites proposals for workplace literacy projects that combine basic skills, English language instruction and job training. Awards of $25,000 to $100,000. Nonprofits must partner with at least one employer. Deadline in 60 days.

@ tutorsnetwork.example/t/tutoring-reading-for-cdl-test/2290 | 27.0 | Harold Benz
# Tutoring a learner for the CDL permit test
My learner wants to become a truck driver and has to pass the written commercial driver's licence knowledge test. The manual is dense and full of technical words. Has anyone tutored for this? How did you approach the vocabulary?
- Tomasz W. | 26.0 | Flashcards of the 100 most common terms, then practice tests read aloud together, then alone.
- Harold Benz | 20.0 | Thanks, he likes the flashcards a lot. His test is next month.
- Harold Benz | 2.0 | He passed! He starts at the trucking company on Monday. So proud of him.

@ readingforum.example/t/workplace-literacy-employers/4380 | 320.0 | Priya S.
# How do you convince employers to support workplace literacy?
We want to offer literacy and ESL classes at local employers but managers say workers should "do it on their own time." How have other programs made the business case for workplace literacy?
- Riverside Literacy | 318.0 | Numbers on safety and turnover. One employer saw turnover drop after classes started; that convinced the next three.
- Dev Kapoor | 310.0 | Start with HR, not operations. HR understands retention and training budgets.

@ news.cityhall.example/news/hotel-workers-english-program-1170 | 14.0 | City Communications Office
# Hotel workers' English program wins city award
The Mayor's Workforce Award this year goes to the Riverside hotel workers' English program, a partnership between three downtown hotels and Riverside Literacy. Housekeeping and kitchen staff attend English classes on paid time; 19 have moved into front-desk or supervisor roles.

@ forum.adultlearners.example/viewtopic.php?t=3450 | 600.0 | Anita Jones
# Reading job training manuals in English
My new employer gave me a training manual of 80 pages in English. I understand spoken English well but reading technical words is slow. Is there a trick to read such manuals faster?
- Sunil R. | 598.0 | Make your own glossary of repeated words. After 20 pages it gets much faster.
- Anita Jones | 590.0 | Good idea, it worked. After a week the manual was much easier.
""")

# ---- grants and funding for literacy programs ----
PARTS.append(r"""
@ grantwatch.example/items/4402 | 9.0 | GrantWatch
# Foundation opens adult literacy grant round
The Harmon Family Foundation has opened its annual adult literacy grant round. Community-based nonprofits providing adult basic education, ESL or family literacy services may apply for one-year grants of up to $50,000. Letters of inquiry are due within six weeks; full proposals by invitation only.

@ tutorsnetwork.example/t/small-literacy-nonprofit-funding-ideas/2301 | 29.0 | Priya S.
# Funding ideas for a small literacy nonprofit?
Our literacy council has one part-time coordinator and 60 volunteer tutors. Our main grant ends in June and the foundation is changing priorities. Where do small adult literacy programs find funding? Grants, events, individual donors? What has actually worked for you?
- Dev Kapoor | 28.5 | Individual monthly donors. Slow to build but they do not disappear when a foundation changes strategy.
- BeaReads | 28.0 | Local businesses sponsoring a learner's materials for a year. Concrete and easy to say yes to.
- Riverside Literacy | 27.0 | Our spelling bee for adults (teams from local companies) raises about a fifth of our budget now. Happy to share how we set it up.
- Priya S. | 26.0 | Yes please! A spelling bee sounds like fun and our board would love it.
- LaToya Greene | 24.0 | Check your state's adult education office too. Some have small grants for volunteer-based programs that nobody applies for.
- quietlibrarian | 22.0 | Library foundations sometimes fund literacy partners. Just ask them directly.
- Priya S. | 15.0 | Update: we applied for the state volunteer literacy grant LaToya mentioned. Fingers crossed.

@ riversideliteracy.example/blog/thank-you-harmon-foundation/ | 300.0 | Riverside Literacy
# Thank you to the Harmon Family Foundation
We are grateful to announce a two-year grant from the Harmon Family Foundation to expand our family literacy program to three new schools. The funding covers a part-time family literacy coordinator, books for every family, and childcare during parent classes.
- Jenna Ruiz | 298.0 | Wonderful news! Hillcrest families are thrilled about the new school sites.

@ news.cityhall.example/news/council-cuts-adult-education-budget-1180 | 6.0 | City Communications Office
# Council budget proposal trims adult education funding
The draft city budget reduces funding for community adult education programs by 12 percent, including grants to Riverside Literacy and the Adult Education Centre. Public comment on the draft budget is open until the end of the month, and a hearing will be held at City Hall on the 20th.
- Ruth Okafor | 5.5 | This is terrible. Waiting lists for tutors are already months long.
- Dev Kapoor | 5.0 | Everyone who cares about adult literacy, please speak at the hearing on the 20th.
- Riverside Literacy | 4.5 | We will share a short guide to public comment this week. Learners' voices matter most.
- Carlos Medina | 3.0 | I will speak at the hearing. ESL classes got me my job.

@ riversidegazette.example/2026/10/literacy-advocates-pack-budget-hearing/ | 0.8 | Gazette Staff
# Literacy advocates pack budget hearing
More than 120 people filled City Hall chambers on Monday to oppose a proposed cut to adult education funding. Learners spoke about passing the GED, finding jobs after English classes and reading to their children for the first time. Council members said they would revisit the 12 percent cut before the final vote.
- Dev Kapoor | 0.7 | I was there. The learners' stories were the most powerful thing I have seen at City Hall.
- Ruth Okafor | 0.6 | My learner spoke, first time she ever spoke in public. So proud.

@ grantwatch.example/items/4420 | 40.0 | GrantWatch
# Digital equity grants for libraries and community organizations
A new state digital equity program will fund device lending, internet access and digital literacy training. Libraries, senior centres and nonprofits may apply for $10,000 to $75,000. Priority for projects serving older adults, immigrants and low-income residents.

@ readingforum.example/t/grant-writing-for-literacy-help/4395 | 140.0 | LaToya Greene
# Grant writing for literacy programs - how do you measure outcomes?
Every grant application asks for "measurable outcomes." For adult literacy that is tricky. Reading level gains? Jobs? Confidence? What outcomes do funders accept from volunteer tutoring programs? We are a small volunteer program without a data person.
- Priya S. | 138.0 | We report reading level gains on a standard assessment plus learner-set goals met, like reading a prescription or getting a licence.
- Riverside Literacy | 135.0 | Funders love learner goals. "Read to my grandchild" is measurable and moving.
- LaToya Greene | 130.0 | Learner goals it is. Thanks, this makes the report much easier.

@ grantwatch.example/items/4388 | 400.0 | GrantWatch
# National library association literacy awards announced
The national library association announced its annual literacy program awards, including grants for adult new reader collections and ESL conversation programs in public libraries. Applications for next year's awards open in the spring.

@ tutorsnetwork.example/t/crowdfunding-for-books/2315 | 600.0 | BeaReads
# Has anyone crowdfunded books for learners?
Our tutors buy easy readers out of their own pockets. I want to run an online fundraiser so each learner gets three books of their own. Has crowdfunding worked for small literacy groups?
- Tomasz W. | 598.0 | It worked for us once, with photos of learners (with permission) holding their first book. Second time less so.
- BeaReads | 580.0 | Update: we raised $1,800 for books! Thanks for the tips, everyone.

@ grantwatch.example/items/4431 | 2.0 | GrantWatch
# Community foundation: capacity grants for volunteer-based nonprofits
The Riverside Community Foundation offers capacity-building grants up to $15,000 for volunteer-driven nonprofits in education, literacy, and youth services. Eligible uses include volunteer training, coordinator salaries and data systems. Applications close next month.
""")

# ---- citizenship test study ----
PARTS.append(r"""
@ newcomers.example/board/topic/580 | 7.0 | Olena K.
# Citizenship interview next month - how did you study the civics questions?
My naturalization interview is in four weeks. I know most of the 100 civics questions but I get nervous with the reading and writing test part. What did you practise? Did anyone go to a citizenship class?
- Carlos Medina | 6.8 | I went to the Riverside Literacy citizenship class. They do mock interviews, that helped the nerves most.
- Amira S. | 6.5 | For the writing test, practise the vocabulary list: the sentences are short and use those words.
- Yusuf A. | 6.0 | I used flashcards on the bus every day. Passed last year!
- RLC Volunteer Desk | 5.5 | Olena, our Wednesday citizenship study group still has room. Mock interviews every week.
- Olena K. | 1.0 | I passed! The officer was very kind. Thank you for the mock interviews!
- Carlos Medina | 0.9 | Congratulations new citizen! Now you can vote with us in November.

@ riversideliteracy.example/blog/citizenship-class-spring/ | 200.0 | Riverside Literacy
# Citizenship test preparation class starts in March
Preparing for your US citizenship interview? Our free 10-week citizenship class covers the civics questions, the reading and writing test, and interview practice with volunteers who act as officers. Students should have intermediate English. Classes meet Wednesday evenings at the Main Street library.
- Pedro Alves | 199.0 | Can my wife join even if her English is beginner level?
- Riverside Literacy | 198.0 | Pedro, she can start in our ESL class and move to citizenship class when ready.

@ events.townlibrary.example/events/citizenship-study-group | 11.0 | Town Library Events
# Event: Citizenship Study Group
Citizenship Study Group. Wednesdays 6-7:30 pm, Meeting Room A. Study the civics questions and practise the naturalization interview with volunteers. Free. Co-hosted by Riverside Literacy. Bring your green card renewal questions to the volunteer lawyer on the first Wednesday.

@ englishcorner.example/forum/thread/955-reading-test-citizenship | 60.0 | Mei Lin
# The reading part of the citizenship test
For the naturalization test you read one sentence out of three. Is the sentence always from the official vocabulary list? I want to know what to study because reading is my weak part.
- Mr. Dubois | 59.0 | Yes, the reading vocabulary list covers it. Names of presidents, holidays, civics words.
- Mei Lin | 55.0 | Thank you, I will study only that list for reading.

@ newcomers.example/board/topic/590 | 0.6 | Hamid R.
# Citizenship test - can I bring an interpreter if I am over 55?
My father is 58 and has lived here as a permanent resident for many years. Someone told him that older people can take the civics test in their own language. Is this true? What are the rules exactly?

@ news.cityhall.example/news/naturalization-ceremony-library-1190 | 26.0 | City Communications Office
# 78 new citizens sworn in at Main Street Library
The public library hosted a naturalization ceremony for 78 new citizens from 31 countries on Friday. Several new citizens prepared for their test through citizenship classes run by Riverside Literacy at the library.

@ newcomers.example/board/topic/601 | 350.0 | Lina Haddad
# Citizenship interview story (good news)
I was so scared before my interview. The officer asked me six civics questions, I got all right, then I had to write "Citizens have the right to vote." My hand was shaking but I did it. The mock interviews at my class were almost the same. Good luck everyone.
- Pedro Alves | 348.0 | Congratulations! This gives me courage for my own interview next spring.
- Amira S. | 345.0 | Mabrook Lina! So happy for you and your whole family.

@ readingforum.example/t/tutoring-for-citizenship-test/4410 | 95.0 | Harold Benz
# Tutoring an older learner for the citizenship test
My learner is 66, from Vietnam, and wants to become a citizen before her granddaughter's wedding. Her English reading is basic. Any tutors here who prepared someone for the naturalization test? How long did it take?
- Mr. Dubois | 94.0 | About six months at two hours a week for someone at her level. Make audio recordings of the questions for her.
- pageturner_jo | 90.0 | Use the official flashcards but add pictures. Memory for pictures is strong.
- Harold Benz | 10.0 | Update: she passed on her first try and will be a citizen at the wedding!

@ englishcorner.example/forum/thread/960-citizenship-civics-100-questions-app | 170.0 | Sunil R.
# Apps for the 100 civics questions
Which app is best for studying the civics questions? I want one that reads the questions aloud so I can listen in the car. My English reading is slow, so listening is easier for me than flashcards.
- Mei Lin | 168.0 | The official government one does audio for every question. Free.
""")

# ---- adult literacy in general: stigma, awareness, stories ----
PARTS.append(r"""
@ forum.adultlearners.example/viewtopic.php?t=3460 | 3.5 | Jamie L.
# How do you hide that you can't read well? (and should you?)
I have hidden it for 20 years. I say I forgot my glasses, I ask coworkers to "check" things for me, I memorise menus. It is exhausting. Does anyone else do this? Did you stop hiding, and what happened when you did?
- Jamal Reese | 3.3 | Same glasses trick. I told my boss last week. He said his brother is the same. Nothing bad happened.
- Ruth Okafor | 3.0 | As a tutor: the learners who stop hiding tell me it is the biggest relief of their life.
- Greg Palmer | 2.8 | The hiding took more energy than the learning did, once I started.
- Anh Nguyen | 2.5 | I hid it for 15 years. Then I found an adult literacy program. Now I read to my children.
- Jamie L. | 2.0 | Thank you. I am going to call a program tomorrow.
- Riverside Literacy | 1.8 | Jamie, if you are in Riverside our phone line is answered by a person, not a machine, and everything stays private.
- Tomasz W. | 1.5 | Good luck Jamie. You are already braver than you think.
- Dee Marsh | 1.0 | Cheering for you, Jamie. You are not alone in this at all.
- ReadingRick | 0.9 | Come back and tell us how the first lesson goes.
- Jamie L. | 0.5 | Called. They were kind and did not make me feel stupid. First meeting Monday.

@ riversidegazette.example/2026/09/one-in-five-adults-struggle-to-read/ | 40.0 | Gazette Staff
# One in five Riverside adults struggles with everyday reading, survey says
A county survey found that roughly one in five adults in Riverside reads below the level needed to fill out a job application or understand a medication label. Riverside Literacy, which provides free tutoring, says most struggling readers are employed and many have children in local schools. The group has a waiting list for volunteer tutors.
- Sam Whitfield | 39.0 | Hard to believe it is that many. Is that only people who do not speak English?
- Dev Kapoor | 38.5 | No, the survey separated English proficiency. Many are native speakers who left school early or have a learning disability.
- Riverside Literacy | 38.0 | Thanks for asking Sam. Most of our reading learners were born here. Low literacy is mostly invisible.
- Gloria P. | 30.0 | This should be front page news, not buried on page six.

@ riversideliteracy.example/blog/what-is-adult-literacy/ | 880.0 | Riverside Literacy
# What do we mean by adult literacy?
Adult literacy is more than knowing the alphabet. It is reading a lease before you sign it, understanding a child's report card, filling in a form at the clinic, and following instructions at work. Our learners come to us with very different goals, and our volunteer tutors start from those goals.

@ readingforum.example/t/adult-literacy-myths/4420 | 110.0 | Dev Kapoor
# Adult literacy myths I keep hearing
After five years in adult literacy I keep hearing the same myths: "everyone learns to read in school", "people who can't read are lazy", "it's only immigrants", "too late after 40". Which myths do you hear most, and how do you answer them?
- pageturner_jo | 108.0 | "They could read if they wanted to." I answer with my learner who works two jobs and still comes twice a week.
- quietlibrarian | 105.0 | "Libraries are for people who already read." Our adult learning corner says otherwise.
- LaToya Greene | 100.0 | "Phones mean nobody needs to read." Phones need more reading than ever.
- Riverside Literacy | 99.0 | We collected these into a myth-busting handout for volunteers. Happy to share it.

@ forum.adultlearners.example/viewtopic.php?t=3470 | 450.0 | Anh Nguyen
# My story: from learner to tutor
Seven years ago I could not read a bus schedule. I came to an adult literacy program because I wanted to read my son's report card. After two years with a volunteer tutor I could read the newspaper. Last month I finished tutor training and now I am tutoring a woman who reminds me of myself. If you are thinking about starting: start.
- Ruth Okafor | 449.0 | Beautiful story. Thank you for sharing it with all of us.
- Jamal Reese | 30.0 | I read this today and it helped me make a phone call. Thank you Anh.
- Anh Nguyen | 29.0 | Jamal, I am so happy. You can do it, one lesson at a time.

@ riversidegazette.example/2026/09/learner-reads-poem-at-council/ | 55.0 | Gazette Staff
# Adult learner reads her own poem at council meeting
Council meetings rarely end in applause, but Tuesday's did. Maria Santos, 57, who learned to read through Riverside Literacy's tutoring program, read a poem she wrote about her mother. Santos began lessons three years ago and now volunteers at the program's front desk.

@ readingforum.example/t/literacy-waiting-lists/4435 | 24.0 | Priya S.
# Adult literacy waiting lists - how long is yours?
Our waiting list is now four months for one-to-one tutoring. Learners drop off while they wait. How long are waiting lists elsewhere, and what do you offer people while they wait?
- Riverside Literacy | 23.5 | Ours is about three months. We started a weekly drop-in reading group so nobody waits with nothing.
- BeaReads | 22.0 | Small group classes while waiting. Not ideal but it keeps them engaged.
- Dev Kapoor | 20.0 | We send a welcome pack with an easy reader and a handwritten note from a tutor.

@ riversidegazette.example/2024/05/literacy-program-turns-twenty/ | 890.0 | Gazette Staff
# Riverside Literacy turns twenty
Riverside Literacy celebrated its twentieth anniversary with a picnic at Riverside Park. Founded by three retired teachers in a church basement, the group now trains more than 200 volunteer tutors a year and serves adult learners across the county.

@ forum.adultlearners.example/viewtopic.php?t=3480 | 0.5 | Marcy D.
# Where to start learning to read as an adult?
I am 34 and read at maybe a 3rd grade level. I want to get better on my own first before telling anyone. Are there books or websites for adults learning to read? Not kids stuff please.

@ news.cityhall.example/news/literacy-month-proclamation-1195 | 38.0 | City Communications Office
# Mayor proclaims September Adult Literacy Month
The Mayor proclaimed September Adult Literacy Month in Riverside, recognizing the volunteer tutors, teachers and learners of Riverside Literacy, the Adult Education Centre and the public library. Residents are encouraged to volunteer or donate books.
""")

# ---- job search, résumés, interviews ----
PARTS.append(r"""
@ forum.adultlearners.example/viewtopic.php?t=3490 | 8.5 | Rob Fisher
# Help with my résumé - first one ever at 44
I have worked at the same plant for 22 years and never needed a résumé. Now the plant is closing. I don't know what to write, and my spelling is bad. Where can I get help writing a resume? Library? Job centre?
- Beth Carraway | 8.2 | The library has résumé help on Thursdays, free. They will sit with you.
- ReadingRick | 8.0 | Riverside Literacy tutors help with résumés and job applications as part of lessons too.
- Anita Jones | 7.5 | Write down everything you did at the plant first, in your own words. Someone can help turn it into a résumé later.
- Rob Fisher | 5.0 | Got help at the library, now I have a real résumé. Two interviews next week!

@ englishcorner.example/forum/thread/970-job-interview-english | 15.0 | Pedro Alves
# Job interview in English - how to prepare?
I have my first job interview in English next week for a warehouse supervisor job. I am nervous I will not understand the questions. What questions do they usually ask and how can I practise?
- Mr. Dubois | 14.5 | Common ones: tell me about yourself, why this job, a problem you solved. Practise answers out loud with a friend.
- Olena K. | 14.0 | My ESL class did mock interviews last term. Ask your teacher.
- Pedro Alves | 8.0 | Update: I got the job!! Thank you for the practice questions.

@ libraryblog.example/2026/03/resume-workshops/ | 220.0 | Elena Marsh
# Free résumé and job application workshops
Every Thursday from 5 to 7 pm, volunteers help with résumés, cover letters and online job applications in the computer lab. Bring what you have, even if it is just a list of jobs on paper. Reading help is available for anyone who finds online applications hard.

@ newcomers.example/board/topic/610 | 240.0 | Yusuf A.
# My degree is from abroad, how to write it on a resume here?
I was an engineer in Turkey. Here I work in a bakery. How do I write my foreign degree on a resume? Do employers care? I want to get back into engineering but I don't know where to start.
- Amira S. | 238.0 | Get a credential evaluation. Then write the equivalent degree. It helped me.
- Carlos Medina | 235.0 | Also mention your English classes, employers like to see it.

@ sidelines.example/t/coach-resume-after-firing/640 | 12.0 | BlitzKing
# The coach's résumé after this season
Let's be honest, after going 3-14 the coach's résumé needs a lot of work. Who do you want next season? I'd take the defensive coordinator from the college team. Drop your wish list below.
- GridironGus | 11.0 | Anybody but another recycled head coach from a team that fired him.
- Coach_Pete | 10.0 | Young offensive mind please, somebody who can call a game.
""")

# ---- health literacy ----
PARTS.append(r"""
@ forum.adultlearners.example/viewtopic.php?t=3500 | 17.0 | Dee Marsh
# Reading prescription labels when you struggle with reading
My uncle took his blood pressure pills wrong for a month because he could not read the label and was too proud to ask the pharmacist. How do people who struggle with reading manage medicines safely?
- Nora Vance | 16.5 | Ask the pharmacy for picture labels or a printed schedule with icons. Many do it for free.
- ReadingRick | 16.0 | Health literacy is a big part of our tutoring. We practise reading labels and appointment letters with learners.
- Dee Marsh | 14.0 | The pharmacy made him a colour-coded chart. He is doing much better.

@ riversideliteracy.example/blog/health-literacy-workshops-with-clinic/ | 65.0 | Riverside Literacy
# Health literacy workshops with Riverside Community Clinic
Together with Riverside Community Clinic we are starting short workshops on reading medicine labels, filling in clinic forms, and preparing questions for the doctor. The workshops are in plain English with Spanish and Arabic support, and are open to our learners and their families.
- Lina Haddad | 64.0 | My mother needs this very much. Is it at the clinic?
- Riverside Literacy | 63.5 | Yes Lina, in the clinic's community room, Thursday mornings at ten.

@ readingforum.example/t/plain-language-medical-forms/4450 | 190.0 | quietlibrarian
# Clinics should use plain language - change my mind
Half the adults I help at the library cannot understand the forms from the hospital. It is not only literacy, it is terrible writing. Why do medical forms still read like legal contracts?
- Dev Kapoor | 188.0 | Agreed. Plain language benefits everyone, including good readers who are sick and stressed.
- Priya S. | 185.0 | Some hospitals are testing forms with adult learners. Our program helped one redesign its intake form.

@ seniortech.example/posts/patient-portal-for-beginners | 20.0 | Irene Kowalski
# The patient portal for beginners
My doctor wants me to use the patient portal to see test results. Here is what I learned as a 76-year-old: write down the password in a safe place, ask the front desk to help you log in the first time, and ask for results to be explained by phone if the words are confusing.
- Gus Fenton | 19.0 | The front desk set mine up for me. It took ten minutes.
""")

# ---- literacy in prisons / reentry ----
PARTS.append(r"""
@ riversidegazette.example/2026/08/jail-reading-program/ | 75.0 | Gazette Staff
# County jail reading program pairs inmates with volunteer tutors
A new program at the county jail pairs incarcerated adults with volunteer reading tutors from Riverside Literacy. Participants meet twice a week; several are preparing for the GED. Jail staff say the program has reduced conflict on the units where it runs.
- Theo B. | 74.0 | I learned to read in prison fifteen years ago. It changed everything after I got out.
- Gloria P. | 70.0 | Good. Education is the best way to stop people coming back.

@ tutorsnetwork.example/t/tutoring-in-a-jail-what-to-expect/2330 | 58.0 | LaToya Greene
# Tutoring in a jail - what should I expect?
I signed up to tutor adults at the county jail. Security training is next week. Anyone who has tutored inside: what is it like, and how is it different from tutoring at the library?
- Tomasz W. | 57.0 | Sessions get cancelled for lockdowns, so be flexible. The learners are often very motivated.
- Theo B. | 55.0 | As a former learner inside: treat people like students, not inmates. That is what I remember about my tutor.
- LaToya Greene | 40.0 | First two sessions done. Very different from the library, very rewarding.

@ forum.adultlearners.example/viewtopic.php?t=3515 | 330.0 | Theo B.
# Reentry after prison: reading was my biggest problem
When I got out, everything needed reading: probation paperwork, housing applications, job forms. I could barely do it. If you are getting out soon, find a literacy program first. It is free and nobody judges.
- ReadingRick | 328.0 | Thank you for posting. Reentry programs and literacy programs should be talking more.
""")

# ---- literacy statistics and research ----
PARTS.append(r"""
@ readingforum.example/t/new-adult-skills-survey-results/4460 | 50.0 | Dev Kapoor
# New adult skills survey results are out
The new international adult skills survey results came out this week. Literacy scores for adults fell slightly in most countries, and the share of adults at the lowest level grew. What do people in the field make of it? Is it phones, the pandemic, or how the test is given?
- Priya S. | 49.0 | Partly the pandemic. Adult education lost two years of in-person classes.
- quietlibrarian | 47.0 | Reading less long text in general. We see it in borrowing patterns.
- LaToya Greene | 45.0 | Whatever the cause, it is a good moment to ask funders for more.

@ riversidegazette.example/2026/10/literacy-rate-statistics-explained/ | 33.0 | Gazette Staff
# Literacy rate statistics explained: what the numbers mean
Headlines about literacy rates can be confusing. A country can report a 99 percent literacy rate and still have millions of adults who struggle with a medication label. Our explainer looks at how literacy is measured, what "functional literacy" means, and why county figures differ from national ones.

@ grantwatch.example/items/4440 | 150.0 | GrantWatch
# Research report: return on investment of adult education
A new policy report estimates that every dollar spent on adult basic education returns several dollars in higher earnings and lower public costs. The report recommends stable multi-year funding for community literacy programs.
""")

# ---- coordinating volunteers, retention, burnout ----
PARTS.append(r"""
@ tutorsnetwork.example/t/volunteer-tutor-retention/2340 | 10.0 | Priya S.
# Keeping volunteer tutors past the first year
We lose almost half of our volunteer tutors within a year. Training them is expensive. What do other literacy programs do to keep volunteers engaged? Recognition events? Supervision? Smaller commitments?
- Riverside Literacy | 9.8 | Monthly tutor coffee mornings made the biggest difference for us. Tutors need each other.
- BeaReads | 9.5 | A quick check-in call after the first month. New tutors quit when they feel alone with a hard case.
- Dev Kapoor | 9.0 | Let people take a break without quitting. We call it "pause" status.
- LaToya Greene | 8.0 | Share learner wins. A note saying "your learner passed the permit test" keeps me going for months.
- Tomasz W. | 7.5 | Give experienced tutors roles: mentoring, training. They stay when they grow.
- Priya S. | 6.0 | Lots to try. Starting with coffee mornings and pause status.
- RLC Volunteer Desk | 5.0 | Priya, feel free to visit one of our coffee mornings and see how we run them.

@ tutorsnetwork.example/t/tutor-burnout/2350 | 120.0 | ReadingRick
# Tutor burnout is real
Tutored for six years, three learners at a time at one point. Now I dread sessions and feel guilty about it. Anyone else burned out? I do not want to quit literacy altogether.
- BeaReads | 118.0 | Take a term off. The program will still be there.
- Dev Kapoor | 117.0 | Drop to one learner. Three is too many for anyone.
- ReadingRick | 60.0 | Took two months off and came back with one learner. Much better.

@ riversideliteracy.example/blog/volunteer-appreciation-night/ | 160.0 | Riverside Literacy
# Volunteer appreciation night: 210 tutors, 18,000 hours
Thank you to the 210 volunteer tutors who gave more than 18,000 hours this year. At Friday's appreciation night learners read letters to their tutors, and we presented the Golden Bookmark to Harold Benz for ten years of tutoring.
- Harold Benz | 158.0 | What an evening. The letters from learners were the best part.
- pageturner_jo | 155.0 | Congratulations Harold! Ten years of tutoring is a real achievement.

@ readingforum.example/t/volunteer-tracking-software/4470 | 280.0 | Priya S.
# Software for tracking volunteer tutors and learners?
We track 80 tutors and 120 learners in a spreadsheet and it is chaos. What software do small literacy programs use for volunteer hours, matches and learner progress? Free or cheap is essential.
- Dev Kapoor | 279.0 | We use a free volunteer management tool plus a simple database. Not perfect.
- Riverside Literacy | 275.0 | We moved to a nonprofit CRM two years ago. The real win was agreeing what to track, not the tool.
""")

# ---- easy readers, book clubs for new readers ----
PARTS.append(r"""
@ readingforum.example/t/easy-reading-books-for-adults/4480 | 26.0 | pageturner_jo
# Easy-reading books for adults that are not childish?
My learner reads at about a second grade level but is 50 and wants to read real stories, not "See Spot run". What easy-reading books for adult learners have you found? Thrillers and romance especially.
- BeaReads | 25.5 | The short novel series for adult new readers from the literacy press, about 60 pages each, real grown-up plots.
- quietlibrarian | 25.0 | Our library has a whole shelf called "Quick Reads". Crime, romance, sport biographies.
- Harold Benz | 24.0 | My learner loves the westerns in the easy-reader series, he has read five.
- LaToya Greene | 22.0 | Graphic novels for adults work well too, the pictures carry the story.
- pageturner_jo | 21.0 | She picked a romance and finished it in two weeks. She is so proud.
- Riverside Literacy | 20.0 | Thanks for this list, we are adding these to our tutor library.

@ libraryblog.example/2026/04/quick-reads-shelf/ | 190.0 | Elena Marsh
# Quick Reads: short books for busy or building readers
Our new Quick Reads shelf holds short books by popular authors, written in clear language for adults who are building reading skills or who just want a book they can finish on the bus. Mysteries, memoirs, romance and sport.
- Ruth Okafor | 188.0 | My learner took three home. This is exactly what we needed.

@ events.townlibrary.example/events/new-readers-book-club | 8.0 | Town Library Events
# Event: New Readers Book Club
New Readers Book Club. First Monday of the month, 7 pm, Café area. For adults who are learning to read or building confidence. This month: a short crime novel. Copies available free at the desk. Hosted with Riverside Literacy tutors.

@ forum.adultlearners.example/viewtopic.php?t=3530 | 2.2 | Anh Nguyen
# I finished my first whole book!
It took me four weeks, it was only 80 pages, but I finished a whole book for the first time in my life. It was a mystery from the library Quick Reads shelf. I wanted to tell someone who understands.
- Jamie L. | 2.0 | That is amazing! What was it about? I want to read it too.
- Anh Nguyen | 1.8 | A detective in a small fishing town. I guessed the killer!
- Ruth Okafor | 1.5 | This is the best news on this forum this week.
- Jamal Reese | 1.0 | One day I will post this too. Congratulations Anh, truly.
- Anh Nguyen | 0.9 | You will, Jamal. I will be the first to answer.

@ readingforum.example/t/book-club-for-adult-learners/4490 | 200.0 | quietlibrarian
# Running a book club for adult learners
We want to start a book club for adults in our literacy program. How do you choose books when reading levels range from beginner to almost fluent? Audiobook plus print?
- Dev Kapoor | 198.0 | Audiobook plus print is perfect. Everyone can follow, stronger readers read along.
- BeaReads | 190.0 | Short stories, one per meeting, so nobody falls behind or feels left out.
""")

# ---- numeracy / math for adults ----
PARTS.append(r"""
@ forum.adultlearners.example/viewtopic.php?t=3540 | 21.0 | Luis Ortega
# Adult numeracy: I can't do fractions and it is embarrassing
I am a carpenter and I measure all day, but if you write a fraction problem on paper I freeze. My kid's homework has fractions now. Is there help for adults with basic math, not just reading?
- Pam Ellis | 20.5 | Yes, many adult education centres teach numeracy. Start from your carpentry, you already understand fractions of an inch.
- Shonda W. | 20.0 | Fractions were my wall for the GED too. Pictures fixed it.
- ReadingRick | 18.0 | Riverside Literacy added math tutoring last year. Ask about a math tutor.

@ riversideliteracy.example/blog/math-tutors-wanted/ | 45.0 | Riverside Literacy
# Math tutors wanted
More and more of our learners need help with everyday math: budgets, measurements, the GED math test. If you are comfortable with fractions, percentages and basic algebra, and patient with people who had bad experiences at school, we would love you as a volunteer math tutor.
- Kev_studying | 44.0 | Please! The GED math waiting list is long and I am on it.
- Walter Brandt | 40.0 | Retired engineer here, signing up today as a math tutor.

@ gedprep.example/viewtopic.php?t=760 | 65.0 | Marta G.
# Percentages are killing me
Every percentage problem on the practice test confuses me. Increase, decrease, percent of. Is there a simple way to remember which to do? My GED math test is in six weeks and this is my weakest area.
- Pam Ellis | 64.0 | Think of percent as "out of 100". 15% of 80 is 15/100 times 80. For increases, find the percent of and add.
- Luis Ortega | 60.0 | Shopping discounts helped me practise. Real life examples stick better.
""")

# ---- Riverside Literacy events and fundraisers ----
PARTS.append(r"""
@ riversideliteracy.example/blog/adult-spelling-bee-2026/ | 15.0 | Riverside Literacy
# The Great Riverside Spelling Bee is back
Teams of three from local businesses, schools and book clubs compete in our annual adult spelling bee to raise money for adult literacy. Costumes encouraged, dictionaries forbidden. Last year's winners, the Eastside Fire Department, are back to defend the trophy. Team registration closes at the end of the month.
- Beth Carraway | 14.5 | Our hospital team is in! We have been practising "pneumonoultramicroscopicsilicovolcanoconiosis".
- Rob Fisher | 13.0 | Valley Foods is entering a team this year, two of us are former learners.
- Riverside Literacy | 12.5 | Rob, that is the best news. The audience will go wild.
- Gloria P. | 9.0 | Can we come just to watch? My husband loves a spelling bee.
- Riverside Literacy | 8.5 | Of course Gloria, spectators are free and there will be cake.

@ riversidegazette.example/2026/11/spelling-bee-raises-record/ | 0.5 | Gazette Staff
# Spelling bee raises record sum for literacy
Twenty-four teams competed at the Great Riverside Spelling Bee on Saturday, raising a record amount for Riverside Literacy's adult reading programs. The Valley Foods team, which included two former adult learners, finished second after misspelling "bureaucracy".
- Rob Fisher | 0.5 | Bureaucracy. I will never forget how to spell it now.

@ events.townlibrary.example/events/riverside-literacy-open-house | 30.0 | Town Library Events
# Event: Riverside Literacy Open House
Riverside Literacy Open House. Saturday 11 am-2 pm, Main Street Library, Community Room. Meet tutors and learners, find out about volunteering, ESL classes, GED preparation and family literacy. Refreshments. Children welcome.

@ riversideliteracy.example/blog/annual-report-2025/ | 250.0 | Riverside Literacy
# Our year in numbers
Last year 612 adults studied with Riverside Literacy: 287 in one-to-one reading tutoring, 241 in English classes, 49 in GED preparation and 35 in digital skills courses. 210 volunteers gave 18,000 hours. Thank you to everyone who made it possible.
- Sam Whitfield | 249.0 | Impressive numbers for a small organisation run mostly by volunteers.

@ riversideliteracy.example/tag/tutoring/ | 1.0 | Riverside Literacy
# Tag archive: tutoring
Posts tagged tutoring: We need 40 new volunteer tutors this fall; Math tutors wanted; Volunteer appreciation night; Dyslexia Awareness Month: adults too; Workplace literacy at Valley Foods. Related: tutors, tutor training, reading tutor, volunteer, adult literacy, ESL, GED.

@ riversideliteracy.example/tag/esl/ | 1.0 | Riverside Literacy
# Tag archive: ESL
Posts tagged ESL: ESL registration opens for the winter term; Citizenship test preparation class starts in March; Health literacy workshops. Related: English classes, English as a second language, immigrants, newcomers, citizenship, conversation.

@ riversideliteracy.example/blog/board-seeks-new-members/ | 100.0 | Riverside Literacy
# Join our board of directors
Riverside Literacy is looking for two new board members, especially people with experience in finance or fundraising, and at least one current or former adult learner. The board meets six times a year.
""")

# ---- barriers: childcare, transport, schedules ----
PARTS.append(r"""
@ forum.adultlearners.example/viewtopic.php?t=3555 | 32.0 | Marcy D.
# Bus to evening classes stops at 9 - anyone else stuck?
My reading class at the Eastside centre ends at 8:45 and the last bus home leaves at 8:50 from a stop ten minutes away. I have missed it twice and had to walk an hour. Anyone else have transport problems getting to classes?
- Jamie L. | 31.5 | Ask the program. Ours gives bus passes and a volunteer drives a few learners home.
- Riverside Literacy | 31.0 | Marcy, please talk to the Eastside coordinator. We can end your class at 8:30 or arrange a ride share with another learner.
- Marcy D. | 25.0 | They moved the end time of the class to 8:30. Thank you!

@ readingforum.example/t/why-learners-drop-out/4500 | 180.0 | Dev Kapoor
# Why adult learners drop out (and what helps)
We surveyed learners who left our program. Top reasons: work schedule changes, childcare, transportation, health, and feeling they were not making progress. What has worked for you to reduce drop-out?
- Priya S. | 178.0 | Showing progress explicitly: reading the same text at month 1 and month 3 and recording it.
- LaToya Greene | 175.0 | Flexible locations. Tutoring at the learner's workplace break room works well.
- Riverside Literacy | 172.0 | Childcare during classes doubled attendance for parents at our Eastside site.
""")

# ---- more tutoring conversations ----
PARTS.append(r"""
@ tutorsnetwork.example/t/lesson-plan-template-adult-reading/2360 | 37.0 | gracie_m
# Simple lesson plan template for adult reading tutoring?
New tutor here. My program gives us a thick manual but I want a one-page plan I can reuse each session. What does your typical 90-minute tutoring session look like?
- BeaReads | 36.5 | Mine: 10 min chat and review, 20 min phonics or word work, 30 min reading a real text, 20 min writing, 10 min learner chooses.
- pageturner_jo | 36.0 | Always end with something the learner can do successfully. They leave feeling capable.
- Tomasz W. | 35.0 | Keep a notebook where the learner writes one sentence each session. After a year it is a book.
- gracie_m | 33.0 | Copied Bea's plan onto an index card. Thank you all for sharing.

@ readingforum.example/t/language-experience-approach/4510 | 72.0 | Mr. Dubois
# The language experience approach still works
Reminder for new tutors: let the learner tell you a story, write it down in their words, and use it as the reading text. My learner, a fisherman, dictated a story about a storm at sea. He read it to his grandson that night. No workbook comes close.
- BeaReads | 71.0 | My favourite technique with adult learners. Their own words, their own world.
- LaToya Greene | 68.0 | Also great with ESL learners, who get to use their own words.

@ tutorsnetwork.example/t/remote-tutoring-by-video/2370 | 140.0 | Dev Kapoor
# Remote tutoring by video - does it work for beginning readers?
Since the pandemic some of our tutors still meet learners by video call. For intermediate readers it seems fine. For beginners I am not sure: you cannot point at the page together. Experiences?
- Tomasz W. | 138.0 | Use a document camera or the phone held over the page. Works better than you would think.
- LaToya Greene | 135.0 | For beginners I prefer in person. Video for the occasional snow day.
- Dev Kapoor | 130.0 | Mixed model it is: in person for beginners, video for the rest.

@ readingforum.example/t/my-learner-reads-the-bible-now/4520 | 400.0 | Harold Benz
# My learner read aloud at church
After two years of tutoring, my learner read the scripture passage at her church on Sunday. She asked me to come. I sat in the back and tried not to cry. This is why we tutor.
- pageturner_jo | 398.0 | Goosebumps. Thank you for sharing this with all of us, Harold.
- Ruth Okafor | 395.0 | These moments keep us tutors going through the hard weeks.

@ tutorsnetwork.example/t/tutor-piano-lessons-for-adults/2380 | 22.0 | Clara Vogel
# Looking for a piano tutor for adult beginners (reading music)
I am 45 and finally want to learn piano. I want a patient tutor who teaches adults, starting with reading music from zero. Riverside area. Also, is it better to learn chords first or sheet music?
- Ivan Petrov | 21.0 | I tutor adult piano beginners. Reading music first is slower but you will thank yourself later.
- Clara Vogel | 19.0 | Sent you a message! Thanks for the advice about sheet music.

@ newcomers.example/board/topic/620 | 14.0 | Hana Yilmaz
# Math tutor for my son, grade 7
My son is struggling with math in grade 7, the teaching here is very different from Turkey. Does anyone know an affordable math tutor in Riverside? He is a good student but feels lost and embarrassed in class.
- Yusuf A. | 13.0 | The library has free homework help for kids, Tuesdays and Thursdays.
- Hana Yilmaz | 12.0 | Thank you, we will try the homework help this week.

@ tutorsnetwork.example/t/guitar-tutor-reading-tabs/2385 | 88.0 | Ivan Petrov
# Guitar tutor question: teach tabs or standard notation?
I tutor guitar to teenagers. Reading tabs gets them playing songs in a week; standard notation takes months. Do you start with tabs and move to notation later, or insist on notation from the start?
- Clara Vogel | 86.0 | Tabs first. Keep them motivated, and notation can come later.
- Sam Whitfield | 80.0 | Notation. Tabs are a trap that they never get out of.

@ readingforum.example/t/reading-tutors-share-your-win/4530 | 4.5 | pageturner_jo
# Reading tutors: share a small win from this week
Let's have a thread for good news. Mine: my learner read the menu at the diner and ordered for both of us. What was your win this week? Big or small, every win counts.
- Harold Benz | 4.4 | Mine passed his CDL permit test! Starting a new job soon.
- gracie_m | 4.2 | My learner wrote a birthday card to her sister, all by herself.
- Ruth Okafor | 4.0 | Mine came back after two months away. That is a win.
- Tomasz W. | 3.8 | Learner asked to borrow a second book. She never asked before.
- BeaReads | 3.5 | Mine read a street sign aloud without thinking about it, then stopped and laughed.
- Henk | 3.3 | My learner read a letter from his daughter's school and signed the permission slip.
- LaToya Greene | 3.0 | Mine filled in an online form for his job without help.
- Dev Kapoor | 2.8 | My learner told me she reads to her grandson every night now.
- Marisol T. | 2.5 | First session with my first learner! She laughed at my jokes, that counts.
- pageturner_jo | 2.4 | Welcome to tutoring Marisol! Laughing together is a great start.
- quietlibrarian | 2.2 | Not a tutor, but a man asked me for a book "for someone who just learned to read" and said it was for himself.
- Anh Nguyen | 2.0 | My learner, who is also from Vietnam, read her citizenship flashcards without help.
- Mr. Dubois | 1.8 | My ESL group ran the whole conversation circle in English without me.
- Jamal Reese | 1.5 | I am a learner. I read my first lesson sentence today. "The bus is late." Very true.
- Ruth Okafor | 1.4 | Jamal! That is wonderful. And yes, the bus is always late.
- RLC Volunteer Desk | 1.2 | We love this thread. Tutors, your wins are why our learners keep coming back.
- Harold Benz | 1.0 | Keep them coming, everyone. This thread makes my whole week.

@ readingforum.example/t/should-tutors-correct-every-mistake/4540 | 160.0 | gracie_m
# Should tutors correct every reading mistake?
When my learner reads aloud she makes many small errors, dropping endings, swapping little words. If I correct every one she gets discouraged. If I don't, am I letting bad habits grow? What do experienced tutors do?
- BeaReads | 158.0 | Only correct mistakes that change the meaning. Note the patterns and teach them separately later.
- pageturner_jo | 155.0 | Let her finish the sentence first. Often she self-corrects without any help.
- gracie_m | 150.0 | Waiting till the end of the sentence is working. She corrects herself more.

@ tutorsnetwork.example/t/tutoring-materials-budget/2395 | 0.9 | LaToya Greene
# Where do you get tutoring materials without a budget?
Our program has no money for materials this year. What free resources do tutors use for adult reading lessons? Websites, printables, anything that is not made for children? Links welcome.
""")

# ---- more English classes / newcomers ----
PARTS.append(r"""
@ englishcorner.example/forum/thread/980-volunteering-to-teach-english | 28.0 | Gloria P.
# Volunteering to teach English to refugees - do I need a certificate?
Our church is sponsoring a refugee family from Afghanistan. I want to help the parents with English. I am not a teacher. Do I need a TEFL certificate, or can I just start with conversation?
- Mr. Dubois | 27.5 | Start with conversation and everyday tasks. Connect them to a proper ESL class too, for structure.
- Olena K. | 27.0 | As a newcomer: the friendly conversation meant more to me than grammar.
- Riverside Literacy | 26.0 | Gloria, our free ESL volunteer training is one Saturday, no certificate needed, and we can place the parents in a class with childcare.
- Gloria P. | 20.0 | Signed up for the Saturday training. Thank you, the family will be glad.

@ newcomers.example/board/topic/630 | 100.0 | Pedro Alves
# English for my job as a cook - kitchen vocabulary
I work in a restaurant kitchen. The chef speaks fast and uses words I never learned in English class. Is there an English course for restaurant workers, or a list of kitchen words?
- Yusuf A. | 98.0 | I made my own list at the bakery. Ask coworkers, they like teaching words.
- Carlos Medina | 95.0 | Riverside Literacy did a workplace English class at the hotel kitchen where I work. Maybe ask your manager.

@ englishcorner.example/forum/thread/990-advanced-english-writing-emails | 5.5 | Fatima Z.
# Advanced English: writing polite emails at work
I finished the intermediate ESL level. Now my problem is emails to my manager. I sound either too direct or too formal. Are there advanced English classes for writing at work?
- Mr. Dubois | 5.2 | Look at emails your manager writes and mirror the tone. Phrases like "Could you..." and "Just checking..." soften requests.
- Sunil R. | 5.0 | The advanced conversation class at Riverside Literacy sometimes does email writing.
- Fatima Z. | 4.0 | "Just checking" is my new favourite phrase. Thank you both.

@ newcomers.example/board/topic/640 | 160.0 | Amira S.
# Driving test in English or my language?
Can I take the written driving test in Arabic here, or must it be in English? My English reading is slow. I drove for twenty years in Syria but the test here is new to me.
- Hamid R. | 158.0 | The DMV offers several languages, Arabic included. Check the website.
- Amira S. | 150.0 | Took it in Arabic and passed the first time. Thank you.

@ englishcorner.example/forum/thread/1001-esl-teachers-favorite-activities | 250.0 | Mr. Dubois
# ESL teachers: favourite low-prep activities for adult classes
Share your favourite activities for adult English classes that need no preparation. Mine: "two truths and a lie" about your weekend. It works with every level and people learn a lot about each other.
- Fatima Z. | 248.0 | As a student I loved the picture description game. Everyone laughed a lot.
- Gloria P. | 240.0 | Role-play at the pharmacy or the bank. Useful and funny.
- Sunil R. | 235.0 | Reading the grocery flyer and planning a meal with a budget.

@ newcomers.example/board/topic/655 | 55.0 | Hamid R.
# Is there English class on weekends in Riverside?
I work six days but Sunday is free. Does any English class meet on Sunday? Even a conversation group would help. I live near the Eastside centre and I can also take the bus downtown.
- Olena K. | 54.0 | Saturday there is a mixed class at the library, not Sunday. Maybe Sunday online?
- Hamid R. | 50.0 | Saturday I work too. I will look for something online.
- Hamid R. | 30.0 | Still looking, if anyone knows a Sunday class please tell me.
""")

# ---- decoys: keyword in passing, other senses ----
PARTS.append(r"""
@ riversidegazette.example/2026/10/financial-literacy-investing-seminar/ | 3.5 | Gazette Staff
# Financial literacy seminar: investing for beginners
The Riverside Credit Union will host a free financial literacy seminar on index funds, retirement accounts and avoiding high fees. The speaker, a certified planner, will also cover how to read a brokerage statement. Seating is limited; register at any branch.

@ sidelines.example/t/financial-literacy-for-athletes/655 | 60.0 | Coach_Pete
# Financial literacy for young athletes
Every year we hear about players who made millions and went broke. Should leagues require financial literacy courses for rookies? Budgeting, taxes, and agents who take advantage. Share your thoughts.
- BlitzKing | 59.0 | Absolutely. Half of them sign with a cousin as financial advisor.
- GridironGus | 57.0 | The league does a rookie symposium but it is one weekend.

@ forum.adultlearners.example/viewtopic.php?t=3570 | 12.0 | Mark Stevens
# Best index funds for a 30-year-old? (financial literacy)
Trying to improve my financial literacy. I have $5,000 saved and want to start investing. Index funds, ETFs, or pay off my car loan first? Reading everything I can find.
- Beth Carraway | 11.0 | Pay off high interest debt first, then put the rest in index funds.
- Mark Stevens | 10.0 | Car loan is 3 percent, so maybe I will do both at once.

@ transittalk.example/t/meter-reading-parking-fines/301 | 7.0 | CommuterKate
# Parking meters misreading my card - fines unfair
The new parking meters on Elm Street keep failing to read my card, and then I get a ticket. The meter reading app says it was paid. Has anyone successfully appealed one of these fines?
- BusRider88 | 6.5 | Appealed twice and won both times with screenshots from the app.
- CommuterKate | 5.0 | Screenshots sent with my appeal yesterday, fingers crossed it works.

@ gardenersforum.example/t/reading-soil-test-results/220 | 90.0 | GreenThumbGail
# Reading soil test results - what does CEC mean?
Got my soil test back from the extension office and I cannot make sense of half the numbers. What is CEC, and should I worry about a pH of 7.4 for tomatoes?
- OldFarmerJoe | 88.0 | CEC is how well soil holds nutrients. 7.4 is a bit high for tomatoes, add sulfur slowly.
- GreenThumbGail | 85.0 | Thanks, sulfur ordered. I will retest the soil in the spring.

@ readingforum.example/t/media-literacy-fake-news/4550 | 42.0 | BookwormBen
# Media literacy: teaching teens to spot fake news
My school is starting a media literacy unit for teenagers. How do you teach them to check sources without making them cynical about all news? Looking for lesson ideas and good example websites.
- quietlibrarian | 41.0 | Lateral reading: open new tabs and check who is behind the source.
- Dev Kapoor | 38.0 | Let them create a fake article and see how easy it is.

@ news.cityhall.example/news/water-meter-reading-schedule-1200 | 4.0 | City Communications Office
# Water meter reading schedule for November
City crews will read water meters in the north and east districts during the first two weeks of November. Please keep access to your meter clear. Estimated bills will be issued where meters cannot be read.

@ sidelines.example/t/reading-the-defense/660 | 2.0 | GridironGus
# Our quarterback cannot read a defense
Three interceptions again. He stares down his first read every time. Can a quarterback coach fix reading defenses, or is it something you have or don't? Week after week the same mistakes.
- BlitzKing | 1.9 | Can be coached, but it takes years of film and reps.
- Coach_Pete | 1.5 | Film study. He needs a veteran backup to tutor him.
- GridironGus | 1.0 | A tutor for the QB, ha. Maybe a literacy program for playbooks.

@ kitchenbench.example/2026/10/tutoring-my-teen-to-cook/ | 13.0 | Paul Chen
# Tutoring my teenager in the kitchen
My 15-year-old announced she wants to cook dinner twice a week. I became her kitchen tutor: knife skills first, then five dinners she can make without a recipe. Week one: fried rice, which was edible and only slightly burnt.
- Nadia Reyes | 12.0 | Fried rice is the perfect first dish. Next try an omelette.
- Paul Chen | 11.0 | Omelette is on the list for next week, then pancakes!

@ riversidegazette.example/2026/09/reading-festival-authors/ | 20.0 | Gazette Staff
# Riverside Reading Festival announces headline authors
The Riverside Reading Festival returns next month with three bestselling novelists, a poetry slam, and a children's tent. Festival organisers say ticket sales are the strongest in years. Tickets are on sale online and at the Main Street bookshop.
""")

# ---- spam and keyword-stuffed pages ----
PARTS.append(r"""
@ readingforum.example/t/cheap-essay-writing-literacy/4560 | 1.0 | essaypro_writer
# Literacy tutoring reading tutor ESL classes GED help essay writing cheap
Adult literacy, reading tutor, volunteer tutors, ESL classes, English classes, GED prep, dyslexia help, digital literacy, citizenship test, family reading, book drive, literacy grant. We write any essay, assignment or thesis. Cheap prices, fast delivery, plagiarism free, 24/7. Visit our site for literacy tutoring and essay help today.

@ tutorsnetwork.example/t/best-online-tutor-marketplace/2400 | 0.7 | tutorhub_promo
# Find the best tutor online! Reading tutor math tutor ESL tutor piano tutor
Find your perfect tutor today: reading tutor, math tutor, ESL tutor, English tutor, GED tutor, piano tutor, guitar tutor, SAT tutor. Adult literacy tutoring and kids tutoring. Top rated tutors, first lesson free, sign up now with code TUTOR50. Tutoring tutors tutor.

@ forum.adultlearners.example/viewtopic.php?t=3580 | 45.0 | grants4u_now
# FREE GRANT MONEY literacy grants funding for everyone apply now
Free government grants for literacy, education grants, nonprofit funding, adult literacy grant money, personal grants you never pay back. Literacy programs funding guaranteed. Just pay a small processing fee and receive up to $25,000. Apply today.
- Pam Ellis | 44.0 | Scam. Real grants never ask for a processing fee. Please report this post.
""")

# ---- near-duplicates and cross-posts ----
PARTS.append(r"""
@ riversidegazette.example/2026/09/city-funds-evening-english-classes/ | 59.0 | Gazette Staff
# City funds new evening English classes for newcomers
The City Council approved funding for two more evening English classes for immigrants and refugees, run by Riverside Literacy at the Eastside Community Centre from January. The classes add 40 places to a program with a waiting list. "Language is the first step to work and to civic life," said Councillor Amaya.
- Olena K. | 58.0 | Good news, my cousin is on the waiting list for these classes.

@ forum.adultlearners.example/viewtopic.php?t=3590 | 6.4 | Marisol T.
# Thinking about becoming a volunteer reading tutor (cross-post)
Cross-posting from the reading forum: I retired from nursing and am thinking about becoming a volunteer reading tutor for adults. How much time does it take each week, and does the program train you? Any tutors here willing to share what it is really like?
- Ruth Okafor | 6.0 | About three hours a week including planning. Training is good at most programs. Do it!

@ events.townlibrary.example/events/family-literacy-night-december | 0.9 | Town Library Events
# Event: Family Literacy Night - December
Family Literacy Night. Thursday, 6:00-7:30 pm, Children's Room, Main Street branch. Winter stories, a craft, and a free book for every child. Parents can meet Riverside Literacy volunteers to learn about adult reading and ESL classes. Hot chocolate provided. Free.

@ news.cityhall.example/news/book-drive-reminder-1205 | 27.0 | City Communications Office
# Reminder: Book drive bin in City Hall lobby
A reminder that the City Hall lobby donation bin for the Riverside Literacy book drive remains open this week. Gently used children's books and easy readers for adults are welcome during office hours.

@ newcomers.example/board/topic/513 | 4.0 | Yusuf A.
# Free English classes in Riverside evening?
Sorry if double post, my first post did not show. I need evening English classes, free or cheap, because I work days at the bakery. Speaking okay, writing very bad. Where do newcomers in Riverside go?
""")

# ---- more on-topic: digital, dyslexia, GED, family, library ----
PARTS.append(r"""
@ seniortech.example/posts/email-for-the-first-time-at-80 | 60.0 | Gus Fenton
# My first email at 80
I sent my first email last Tuesday at the digital skills class for seniors. It was to my granddaughter in Oregon. She answered in four minutes with three exclamation marks. The volunteer who taught me is 17 and more patient than any teacher I ever had.
- Irene Kowalski | 59.0 | Welcome to email, Gus! Beware of the spam, never click strange links.
- Walter Brandt | 55.0 | Three exclamation marks is the highest honour from a granddaughter.

@ forum.adultlearners.example/viewtopic.php?t=3600 | 80.0 | Irene Kowalski
# Smartphone course for older adults - which one did you take?
My daughter gave me a smartphone and I only use it for calls. Which beginner smartphone courses for seniors have people taken in Riverside? I want something in person, small group.
- Gus Fenton | 79.0 | The Riverside Literacy digital class at Oakview senior centre. Eight people, two volunteers.
- Walter Brandt | 75.0 | The library Tech Help is drop-in rather than a course, but good for specific questions.

@ seniortech.example/posts/why-seniors-avoid-computers | 500.0 | Walter Brandt
# Why some seniors avoid computers (and how to help)
Most older adults who avoid computers are not "bad with technology". They are afraid of being embarrassed, of scams, or of breaking an expensive device. Digital literacy for seniors starts with trust, not with technical explanations.

@ forum.adultlearners.example/viewtopic.php?t=3610 | 6.0 | Nora Vance
# Text-to-speech tools for dyslexic adults - what do you use?
For work I read long reports. I use the built-in read-aloud on my laptop but it sounds robotic. Which text-to-speech tools do other dyslexic adults like, especially for PDFs? Thanks.
- Greg Palmer | 5.5 | The free browser extension with natural voices. PDFs work if they have real text, not scans.
- Dee Marsh | 5.0 | My phone's screen reader, with speed at 1.5x. Took a week to get used to.

@ readingforum.example/t/dyslexia-friendly-fonts-myth/4570 | 300.0 | Tomasz W.
# Do dyslexia-friendly fonts actually help?
Our program printed learner materials in a special dyslexia font. Some learners like it, research seems mixed. Do any of you see a real difference? Before we reprint everything I want to hear from tutors and readers.
- Nora Vance | 298.0 | Bigger spacing between lines helps me more than the font itself.
- BeaReads | 290.0 | Research says spacing and size matter most. Fonts are personal preference.

@ gedprep.example/viewtopic.php?t=770 | 90.0 | Dana K.
# Free GED classes near Riverside?
Where can I find free GED prep classes near Riverside? I cannot pay for a course. I need math and science most. Evening or weekend is best because I work days at a warehouse.
- Pam Ellis | 89.0 | Adult Education Centre and Riverside Literacy both offer free GED classes. Evening and Saturday options.
- Dana K. | 85.0 | Found the Saturday class at the library. Thank you so much!

@ gedprep.example/viewtopic.php?t=780 | 1.3 | Marta G.
# Passed all four GED tests!
Last one was science this morning. I am 39, I have four kids, I studied at the kitchen table after they went to sleep. Thank you to this forum and my tutor at the library.
- Kev_studying | 1.2 | CONGRATULATIONS! You earned every bit of it, Marta. Well done.
- Pam Ellis | 1.1 | Kitchen table graduates are the best graduates. Well done Marta.
- Luis Ortega | 1.0 | Our study group's first graduate! Sunday snacks are on us.

@ parentingcorner.example/2026/05/learning-to-read-with-my-son/ | 170.0 | Marcus Bell
# Learning to read alongside my son
My son is in first grade and I am in an adult literacy class. We do our homework together at the kitchen table. Sometimes he helps me, sometimes I help him. I never expected that my reading class would make me a better father.
- Jenna Ruiz | 168.0 | This is what family literacy is all about. Thank you for writing it.
- Anonymous Mom | 165.0 | I do the same with my kids now. It is the best part of my day.

@ libraryblog.example/2025/12/tech-help-for-seniors-is-back/ | 330.0 | Elena Marsh
# Tech help for seniors is back
Our popular Tech Help for Seniors sessions are back on Tuesday afternoons. Volunteer helpers will assist older adults with phones, tablets and laptops: email, photos, video calls, passwords. Drop in, no appointment.
- Gus Fenton | 328.0 | Finally! I have a whole drawer of questions saved up.

@ libraryblog.example/2026/08/why-we-stopped-charging-late-fees/ | 80.0 | Elena Marsh
# Why we stopped charging late fees
Late fees kept some of our most important readers away: children from low-income families, adult learners, seniors on fixed incomes. Since we dropped fines, returns have actually gone up and 900 lapsed cardholders have come back.
- Ruth Okafor | 79.0 | My learner had stopped using the library because of a $12 fine. She came back.
""")

# ---- more on-topic: unanswered questions, writing skills, civic, misc ----
PARTS.append(r"""
@ forum.adultlearners.example/viewtopic.php?t=3620 | 9.5 | Jamie L.
# How do I improve my spelling as an adult?
I can read okay now but my spelling is terrible. Autocorrect saves me on the phone but not on paper forms. Any methods for adults to get better at spelling? I am 38.
- Nora Vance | 9.0 | Learn word families and spelling rules, not lists. And keep a personal list of the words you really use.
- Jamie L. | 8.5 | Good idea, I will start a list of work words.

@ readingforum.example/t/writing-skills-adult-learners/4580 | 115.0 | LaToya Greene
# Teaching writing to adult learners - where to start?
Most tutoring focuses on reading, but my learner's goal is to write: notes to her son's teacher and messages at work. How do other tutors teach writing to adults who are just starting?
- BeaReads | 113.0 | Short, real writing every session. A text message, a note. Then read it back together.
- Mr. Dubois | 110.0 | Sentence frames: "I am writing because...", "Could you please...". Adults use them right away.

@ riversideliteracy.example/blog/voter-guide-easy-english/ | 34.0 | Riverside Literacy
# An easy-English voter guide
Before the November election our learners asked for help understanding the ballot. We wrote an easy-English voter guide that explains how to register, where to vote, and what each ballot question means in plain words. It is nonpartisan and free at all branch libraries.
- Carlos Medina | 33.0 | Thank you. This is my first election as a citizen!
- Sam Whitfield | 30.0 | I wish the official voter guide was written this clearly.

@ news.cityhall.example/news/plain-language-city-forms-1210 | 16.0 | City Communications Office
# City rewrites forms in plain language
The City is rewriting its 20 most-used forms in plain language, after testing showed that many residents, including adult learners at Riverside Literacy, could not complete them without help. The new parking permit form is the first to be released.

@ forum.adultlearners.example/viewtopic.php?t=3630 | 0.7 | Rob Fisher
# Reading a lease - what words should I look out for?
Moving to a new apartment and the lease is eight pages. My reading is much better now but legal words still confuse me. What words in a lease should I be careful with? Is there someone who can read it with me for free?

@ tutorsnetwork.example/t/assessment-tools-adult-readers/2410 | 260.0 | Priya S.
# Reading assessment tools for adult learners
Which reading assessments do literacy programs use for intake and progress? Ours takes an hour and learners hate it. Looking for something shorter that funders still accept. Thanks. Several learners told us the test made them feel like children again.
- Riverside Literacy | 258.0 | We use a short standardized test at intake and at 6 months, and learner goal tracking in between. Funders accept the combination.
- Dev Kapoor | 250.0 | Keep the first meeting about goals, test in the second. Less scary.

@ readingforum.example/t/audiobooks-count-as-reading/4590 | 21.0 | BookwormBen
# Do audiobooks count as reading?
Our book club argued about this for an hour. One member only listens to audiobooks because of her commute. Someone said it is "cheating". What do you think? Settle this for us.
- quietlibrarian | 20.0 | It counts. Comprehension is comprehension, whatever the format you use.
- Nora Vance | 19.0 | As a dyslexic reader, audiobooks are how I read. Please don't call it cheating.
- BookwormBen | 18.0 | Agreed. The "cheating" member has been outvoted by the club.

@ newcomers.example/board/topic/670 | 2.8 | Daria P.
# Where to practise English speaking if you are shy?
I understand English but when people talk to me I freeze and say nothing. Classes scare me because I must speak in front of others. Is there a gentle way to practise English conversation?
- Olena K. | 2.5 | The library conversation circle is very gentle, small groups. You can just listen the first time.
- Mr. Dubois | 2.0 | Start with one-to-one practice, a volunteer conversation partner. Much less scary.

@ englishcorner.example/forum/thread/1010-ielts-band-7-writing | 120.0 | Sunil R.
# IELTS band 7 in writing - tips?
I need band 7 in IELTS writing for nursing registration. I keep getting 6.5. What changed things for people who made the jump? I have taken the test three times already and it is expensive.
- Fatima Z. | 118.0 | Write the Task 1 overview sentence first. Examiners want it clearly.
- Mr. Dubois | 115.0 | Fewer mistakes matter more than fancy vocabulary for a higher band.

@ gedprep.example/viewtopic.php?t=790 | 0.6 | Kev_studying
# GED math test tomorrow - any last-minute advice?
Test is tomorrow at 9. I have studied for two months. Should I study tonight or rest? What do I need to bring besides ID? My hands are already shaking just thinking about it.
""")

# ---- more on-topic (mixed topics) ----
PARTS.append(r"""
@ riversideliteracy.example/blog/new-eastside-learning-centre/ | 18.0 | Riverside Literacy
# A new learning centre in Eastside
In January we will open our first dedicated learning centre, in the former bakery on Eastside Avenue. It will have four tutoring rooms, a classroom for English classes, a children's corner for families, and a computer lab for digital skills. Until now we have always borrowed space; now learners will have a place of their own.
- Olena K. | 17.0 | The old bakery! I will walk there from home every week.
- Dev Kapoor | 16.0 | Congratulations, this is a huge step for the whole organisation.
- Yusuf A. | 15.0 | I worked next door for two years. Good neighbourhood for this.
- Riverside Literacy | 14.0 | Thank you all. We will need volunteers to help paint in December!
- Walter Brandt | 10.0 | Count me in for painting. I have my own rollers.

@ readingforum.example/t/adult-literacy-podcasts/4600 | 480.0 | pageturner_jo
# Good podcasts about adult literacy?
Any podcasts about adult literacy, adult education or reading research that tutors would enjoy? I walk the dog every morning and need something to listen to. Thanks. Episodes with learners' own stories are my favourite.
- Dev Kapoor | 478.0 | There is a good one by an adult education network that interviews learners and teachers.

@ tutorsnetwork.example/t/esl-vs-literacy-tutoring/2420 | 64.0 | Henk
# Tutoring ESL vs tutoring native speakers to read - big difference?
My program wants me to switch from a native English speaker learning to read to an ESL learner who reads fine in Spanish. How different is the tutoring? Should I do extra training?
- Mr. Dubois | 63.0 | Very different. Your ESL learner already knows how reading works; she needs vocabulary and speaking. Yes, do the ESL training.
- BeaReads | 60.0 | Many skills transfer between them: patience, goal setting, using real materials.
- Henk | 55.0 | Thanks. I signed up for the ESL training module next month.

@ forum.adultlearners.example/viewtopic.php?t=3640 | 140.0 | Anita Jones
# Childcare while I study - how do other parents manage?
I want to go to evening GED classes but my kids are 3 and 6 and I am a single mom. How do other parents manage to study? Any programs with childcare?
- Shonda W. | 138.0 | I studied online after bedtime and went to class on Saturdays when my mom could watch them.
- Riverside Literacy | 135.0 | Anita, our Eastside site offers free childcare during GED and English classes.
- Anita Jones | 130.0 | I did not know that! Registering for the spring term.

@ grantwatch.example/items/4450 | 20.0 | GrantWatch
# Library foundation announces family literacy mini-grants
The Riverside Library Foundation will award mini-grants of up to $5,000 for family literacy projects run with the library, including parent reading workshops, bilingual storytimes and book distribution. Applications due in 45 days.

@ news.cityhall.example/news/library-hours-extended-1215 | 50.0 | City Communications Office
# Library branches extend evening hours
Three branch libraries will stay open until 9 pm on weekdays starting next month, in response to requests from working adults, students and adult learners attending tutoring sessions and classes.

@ seniortech.example/posts/e-books-from-the-library | 90.0 | Irene Kowalski
# Borrowing library e-books on a tablet: a step-by-step for seniors
I finally figured out library e-books and wrote it down for my friends at the senior centre: get the app, enter your library card number, search, borrow, read. The best part is you can make the letters as big as you like.
- Gus Fenton | 88.0 | Printed your steps and they worked on the first try.

@ readingforum.example/t/literacy-and-poverty/4610 | 650.0 | Dev Kapoor
# Literacy and poverty: which comes first?
A long-running debate in our field. Does low literacy cause poverty, or does poverty cause low literacy? In practice our learners face both. I think programs that ignore poverty (food, transport, childcare) fail.
- Priya S. | 648.0 | Both directions. That is why wraparound support matters so much.
- quietlibrarian | 640.0 | Agree. Our most successful learners had someone helping with the rest of life too.

@ englishcorner.example/forum/thread/1020-phrasal-verbs | 40.0 | Mei Lin
# Phrasal verbs make me crazy
Get up, get over, get by, get along. Why does English do this? How did you learn phrasal verbs in your English classes? My teacher says there are thousands of them and I believe her.
- Mr. Dubois | 39.0 | Learn them in context, a few each week, not lists of fifty.
- Fatima Z. | 37.0 | TV series with English subtitles taught me most of them.

@ parentingcorner.example/2026/03/bilingual-kids-reading/ | 230.0 | Lucia F.
# Should my bilingual child learn to read in Spanish first?
We speak Spanish at home and my daughter starts school in English next year. Should I teach her to read in Spanish first, or will that confuse her? Advice from other parents welcome.
- Jenna Ruiz | 228.0 | Reading skills transfer between languages. Reading in Spanish at home helps her English reading too.
- Amira S. | 220.0 | We did Arabic at home and English at school. No confusion.

@ readingforum.example/t/phonics-for-adult-beginners/4620 | 11.0 | gracie_m
# Phonics resources made for adult beginners?
My learner is a true beginner: he knows most letter names but not the sounds. Everything I find is designed for kindergarten, with cartoon animals. Are there phonics programs designed for adults?
- BeaReads | 10.5 | There are adult phonics workbooks with photos of grown-up things: tools, jobs, cars. Ask your program's library.
- Tomasz W. | 10.0 | I make my own cards with words from his life. Costs nothing and he cares about them.
- RLC Volunteer Desk | 9.0 | Gracie, our tutor library at Main Street has two adult phonics series. Stop by on Tuesday evenings.
- gracie_m | 7.0 | Picked one up on Tuesday, he likes the photos of tools.

@ riversidegazette.example/2025/06/tutor-and-learner-friends-for-decade/ | 520.0 | Gazette Staff
# A tutor and a learner, friends for a decade
When retired teacher Joan Mills was matched with learner Frank Osei through Riverside Literacy ten years ago, he could read only his name. Today they still meet every Thursday, now to discuss the mystery novels Frank reads on his own.
- pageturner_jo | 519.0 | Joan trained me years ago. She is a legend among tutors.
""")

# ---- more on-topic (continued) ----
PARTS.append(r"""
@ englishcorner.example/forum/thread/1030-conversation-circle-volunteers | 3.2 | Mr. Dubois
# Conversation circle needs more volunteer hosts
Our English conversation circle at the library has grown to 35 people on Monday nights and we have only three volunteer hosts. If you are a fluent English speaker with one evening a week, come help. You just lead a small group talking about everyday topics.
- Gloria P. | 3.0 | I can do every other Monday evening, starting next week.
- Sam Whitfield | 2.6 | Retired and talkative. Sounds perfect for me, sign me up.
- RLC Volunteer Desk | 2.0 | Thank you both! We will send you the host guide.

@ libraryblog.example/2026/09/conversation-circle-grows/ | 31.0 | Elena Marsh
# The Monday conversation circle is bursting
What started as six people around one table is now five tables of English learners from 22 countries, every Monday at 6 pm. Volunteers guide each table through a topic, this week "my favourite food from home". We could use more volunteer hosts.
- Sunil R. | 30.0 | Best part of my week. I made friends from Peru and Eritrea.

@ forum.adultlearners.example/viewtopic.php?t=3650 | 48.0 | Hamid R.
# My father (62) wants to learn to read in English and in Farsi
My father never went to school in Iran. Here he wants to learn to read English and also Farsi for the Quran and letters from family. Is it too much to learn both? Does any program help with this?
- Mr. Dubois | 47.0 | Many learners do both. Start with English if that is what he needs for daily life, and a family member can help with Farsi.
- Riverside Literacy | 45.0 | Hamid, our beginner literacy class is for exactly this kind of learner. He can visit first and just watch.

@ news.cityhall.example/news/workforce-center-english-classes-1220 | 70.0 | City Communications Office
# Workforce centre adds English for jobs classes
The Riverside Workforce Centre will offer English for Work classes combining job-search skills, workplace vocabulary and interview practice. Classes are delivered with Riverside Literacy and are free for job seekers.

@ tutorsnetwork.example/t/tutoring-a-deaf-learner/2430 | 190.0 | LaToya Greene
# Tutoring a Deaf adult learner - advice?
I have been matched with a Deaf adult whose first language is ASL. He wants to improve his English reading and writing. I do not sign. Has anyone tutored a Deaf learner?
- Dev Kapoor | 188.0 | Treat it partly like ESL; English is his second language. Ask the program about an interpreter for the first meetings.
- LaToya Greene | 180.0 | We now write back and forth a lot, and I am learning some ASL.

@ riversideliteracy.example/blog/learner-voices-maria/ | 60.0 | Riverside Literacy
# Learner voices: Maria
"I was 54 when I started. I told my tutor I wanted to read the instructions for my blood pressure medicine and the letters from my granddaughter's school. Now I read both, and I read a novel every month." Maria is one of 287 adults in our reading program this year.
- Harold Benz | 59.0 | Maria is an inspiration to every tutor and learner here.

@ readingforum.example/t/seniors-losing-reading-ability/4630 | 75.0 | Sam Whitfield
# Reading getting harder with age - not eyes, concentration
I am 78. My eyes are fine with glasses, but I lose concentration after a page and forget what I read. I used to read a book a week. Anyone else? Tips for keeping up reading in old age?
- quietlibrarian | 74.0 | Short stories and large-print editions help many of our older readers. Audiobooks too.
- Irene Kowalski | 70.0 | Reading in the morning when I am fresh helps me.

@ gedprep.example/viewtopic.php?t=800 | 210.0 | Theo B.
# GED while working full-time
Anyone do the GED while working 50 hours a week? How did you fit it in? I drive a delivery truck and I am tired every evening. I have science and math left and I want to finish before next summer.
- Luis Ortega | 208.0 | One subject at a time. Thirty minutes a day beats three hours on Sunday.
- Shonda W. | 205.0 | Audio lessons in the truck, practice tests on my lunch break.

@ parentingcorner.example/2026/10/reading-aloud-to-teens/ | 2.0 | Jenna Ruiz
# Is it weird to still read aloud to my 13-year-old?
We still read a chapter together most nights. Her friends don't do this. Is it holding her back or is it fine? I love it but wonder if it is time to stop.
- Tara Nguyen | 1.5 | Not weird at all. Read aloud as long as she wants.
- Marcus Bell | 1.2 | My dad read to me until I was 14. Best memories.

@ news.cityhall.example/news/library-card-sign-up-month-1100 | 900.0 | City Communications Office
# September is Library Card Sign-Up Month
The Mayor encourages every resident to get a free library card this September. Cards give access to books, e-books, computers, homework help, English conversation groups and adult literacy tutoring spaces.

@ readingforum.example/t/tutoring-someone-with-memory-problems/4640 | 1.8 | Ruth Okafor
# Tutoring a learner who had a stroke - reading again from scratch
My new learner is 58 and had a stroke last year. He used to read well and now struggles with simple words. His speech therapist finished sessions. Is adult literacy tutoring appropriate here, or should he be with a specialist? Anyone tutored someone relearning to read after a stroke?
- RLC Volunteer Desk | 1.5 | Ruth, please give us a call. We can ask his therapist for guidance and we have a tutor who has done this before.
""")

# ---- more on-topic (final batch) ----
PARTS.append(r"""
@ riversideliteracy.example/blog/why-i-tutor-guest-post/ | 140.0 | Harold Benz
# Why I tutor: a guest post from a volunteer
I drove a city bus for 31 years. I saw people squint at the route map and then ask me, a little too casually, where the bus goes. After I retired I became a reading tutor. My first learner was a man who had ridden my bus for years. We laughed about that for a whole session.
- pageturner_jo | 139.0 | Harold, this is wonderful. I laughed at the bus ending.
- Riverside Literacy | 138.0 | Thank you for writing this, Harold. And for ten years of tutoring.

@ tutorsnetwork.example/t/ending-a-tutoring-match/2440 | 44.0 | Henk
# How do you end a tutoring match well?
I am moving to another city in two months. My learner and I have met for a year. How do I say goodbye and hand over to a new tutor without her feeling abandoned?
- BeaReads | 43.0 | Tell her early, let her help choose what the last sessions focus on, and introduce the new tutor in person.
- Tomasz W. | 42.0 | Write her a letter she can read. It becomes a reading lesson and a keepsake.
- Henk | 35.0 | The letter idea is perfect. Thanks, I will start writing it.

@ forum.adultlearners.example/viewtopic.php?t=3660 | 15.5 | Marcy D.
# Learning to read with apps - any good for adults?
Are there any reading apps for adults who are learning to read? Everything I find has cartoon animals and is for kids. I want to practise between my lessons. Thanks.
- Greg Palmer | 15.0 | A couple of adult literacy apps exist, ask your tutor. Also the library news site with easy articles.
- Nora Vance | 14.0 | Audiobook plus the e-book at the same time. Follow the words while you listen.

@ news.cityhall.example/news/seniors-tablet-lending-1225 | 8.0 | City Communications Office
# Seniors can now borrow tablets from the library
Residents aged 65 and over can now borrow a tablet with internet access for up to six weeks from any branch library, as part of the City's digital inclusion plan. Borrowers are offered a free introductory lesson from library staff or Riverside Literacy digital tutors.
- Irene Kowalski | 7.0 | Borrowed one for my neighbour, she is video calling her sister already.

@ grantwatch.example/items/4460 | 60.0 | GrantWatch
# State announces adult education funding increase
The state budget includes a 6 percent increase for adult basic education and English language programs, with new funds reserved for programs that provide childcare and transportation support. Programs will be notified in spring.

@ readingforum.example/t/tutoring-teens-who-left-school/4650 | 100.0 | Priya S.
# Young adults who left school - tutoring 18 to 24 year olds
More young adults aged 18-24 are coming to our literacy program after leaving high school. They are on their phones, skeptical, and often working nights. What approaches work with this age group?
- LaToya Greene | 98.0 | Tie everything to their goals: a licence, a job, the GED. Short sessions.
- Dev Kapoor | 95.0 | Let them use their phones for reading practice. Meet them where they are.

@ englishcorner.example/forum/thread/1040-accent-reduction-worth-it | 270.0 | Fatima Z.
# Is accent reduction class worth it?
My English is fluent but my accent is strong and sometimes customers ask me to repeat. Is an accent reduction class worth the money, or is pronunciation practice in a regular English class enough?
- Mr. Dubois | 268.0 | Aim for clarity, not no accent. A few targeted sounds make the biggest difference.
- Sunil R. | 260.0 | I did a short pronunciation course. Helped with phone calls.

@ newcomers.example/board/topic/680 | 1.1 | Amira S.
# Volunteers needed to teach English at the mosque?
Our mosque wants to start free English classes for women on weekday mornings. We have the room and childcare volunteers but no teachers. Does anyone know how to find volunteer English teachers or a program that can partner with us?
- Riverside Literacy | 0.8 | Amira, we would love to help. We train volunteer ESL teachers and can help set up a women's class. Please call the volunteer desk.

@ libraryblog.example/tag/adult-literacy/ | 0.9 | Riverside Public Library
# Archive: adult literacy
Archive for adult literacy: Meet our tutors; The new Adult Learning Corner; A library card for everyone; Quick Reads; Why we stopped charging late fees; Audiobooks, dyslexia and the joy of stories. See also: literacy, reading, tutors, ESL, GED, family literacy.

@ readingforum.example/t/literacy-volunteer-opportunities-list/4660 | 0.5 | kellyanne
# Literacy volunteer opportunities in Riverside (list)
Compiling a list for my volunteer club: Riverside Literacy (reading tutors, ESL teachers, math tutors, tech buddies), library Reading Buddies (teens), Adult Education Centre classroom aides, county jail reading program. Anything I missed?
- quietlibrarian | 0.5 | Add the library's Tech Help for Seniors and the conversation circle hosts.
""")

PARTS.append(r"""
@ riversideliteracy.example/blog/workplace-english-hospital/ | 12.0 | Riverside Literacy
# Workplace English at Riverside General Hospital
This month we began on-site English and reading classes for environmental services and food service staff at Riverside General Hospital. Classes run before and after shifts, on paid time, and focus on the language of patient rooms, safety and scheduling. Twenty-two employees enrolled in the first week.
- Beth Carraway | 11.5 | So happy this happened at our hospital. The staff are loving it.
- Rob Fisher | 10.0 | Paid time makes all the difference for shift workers. Well done.

@ forum.adultlearners.example/viewtopic.php?t=3670 | 26.0 | Anita Jones
# Boss wants me to do computer work but I can't spell
They moved me from the floor to the office at my job. Now I have to write emails and fill spreadsheets. My reading is okay but my writing and spelling are bad. Any program that helps adults with writing for work?
- Beth Carraway | 25.0 | Ask HR if they would pay for a workplace literacy course. Some employers will.
- ReadingRick | 24.0 | Riverside Literacy tutors do writing for work. Bring real emails to practice.
- Anita Jones | 20.0 | Starting with a tutor next week, bringing my work emails.

@ newcomers.example/board/topic/690 | 45.0 | Carlos Medina
# Citizenship fee waiver - anyone got one?
The naturalization fee is very expensive for my family. Has anyone applied for the fee waiver or reduced fee? What papers did you need? Two of us want to apply this year and we cannot pay both fees at once.
- Lina Haddad | 44.0 | I got the reduced fee. You need tax returns and proof of income.
- Riverside Literacy | 40.0 | Carlos, our citizenship class has a volunteer lawyer once a month who helps with fee waiver forms. Free.

@ tutorsnetwork.example/t/tutoring-in-public-places/2450 | 7.5 | Marisol T.
# Tutoring in a café vs at the library
My learner prefers meeting at the café near her work instead of the library, because the library makes her nervous. Is it okay to tutor in a café? Too noisy? Privacy?
- pageturner_jo | 7.2 | I tutored at a café for a year. Choose a quiet corner and a quiet time. Her comfort matters more.
- Dev Kapoor | 7.0 | Check your program's rules; some require public buildings. Cafés usually count.
- Marisol T. | 6.0 | The program said cafés are fine. Tuesday at the café it is.

@ readingforum.example/t/summer-slide-adult-learners/4670 | 780.0 | BeaReads
# Summer break and adult learners - do you pause?
Our program pauses tutoring in July and August. Learners lose progress. Does anyone keep tutoring over the summer? Some learners do not come back in September at all. I want to propose a summer option to our board and would like to hear what works elsewhere.
- Dev Kapoor | 778.0 | We keep going with whoever is available. A lighter schedule is better than nothing.

@ grantwatch.example/items/4470 | 200.0 | GrantWatch
# Corporate giving program funds literacy and ESL for employees' families
A regional bank's foundation will fund literacy and English programs that serve employees' families and surrounding neighbourhoods. Grants range from $5,000 to $30,000. Applications are accepted on a rolling basis.

@ riversidegazette.example/2026/07/library-van-brings-books/ | 115.0 | Gazette Staff
# Library van brings books and ESL help to farmworkers
A converted van from the Riverside Public Library now visits farm worker housing on Sunday afternoons with Spanish and English books, and volunteers from Riverside Literacy offer short English lessons at a folding table beside it.
- Lucia F. | 113.0 | My uncle goes every Sunday now. He borrowed his first English book.

@ seniortech.example/posts/seniors-teaching-seniors | 30.0 | Irene Kowalski
# Seniors teaching seniors: I became a tech buddy
After taking the digital skills course last spring, I signed up as a volunteer tech buddy. Now I help three women at my senior centre with their phones. It turns out people my age like learning from someone who also had to learn it late.
- Gus Fenton | 29.0 | You taught me the camera on my phone, Irene. Thank you!
- RLC Volunteer Desk | 28.0 | Irene, you are one of our best tech buddies. Thank you.

@ gedprep.example/viewtopic.php?t=810 | 23.0 | Dana K.
# GED or community college adult diploma?
The community college offers an adult high school diploma program. Is that better than the GED? It takes longer but they say it is a "real" diploma. Any advice? I have about a year to finish.
- Pam Ellis | 22.0 | Both get you to college and most jobs. The diploma program suits people who want a classroom and have time.
- Dana K. | 18.0 | I think the GED is faster for me. Thanks, Pam.

@ parentingcorner.example/2026/09/library-storytime-for-dads/ | 25.0 | Marcus Bell
# Library storytime for dads
Our library started a Saturday storytime just for dads and their little ones. I was skeptical. Twelve dads showed up, some with kids on their shoulders. One dad told me quietly he was practising his own reading with the picture books.
- Jenna Ruiz | 24.0 | Love this. Family literacy for dads is so often forgotten.

@ forum.adultlearners.example/viewtopic.php?t=3680 | 0.8 | Greg Palmer
# Anyone going to the adult dyslexia meetup at the library?
The library is hosting a meetup for adults with dyslexia next Thursday. Is anyone from here going? I am nervous about walking in alone. It would help to know at least one friendly face there.
- Nora Vance | 0.6 | I am going! Look for the woman in the red scarf, we can walk in together.
""")

# ---- off-topic noise: gardening, transit ----
PARTS.append(r"""
@ gardenersforum.example/t/tomato-blight-again/201 | 5.0 | GreenThumbGail
# Tomato blight again this year - what am I doing wrong?
Third summer in a row my tomatoes got brown spots on the lower leaves, then the whole plant collapsed. I rotate beds and water at the base. Is it the rainy weather, or should I switch to resistant varieties?
- OldFarmerJoe | 4.8 | Early blight lives in the soil. Mulch so rain does not splash soil onto leaves, and yes, resistant varieties.
- RosesAndRain | 4.5 | Prune the bottom leaves once plants are tall. Airflow matters.
- GreenThumbGail | 3.0 | Mulch and pruning next year then. Thank you both for the help.

@ gardenersforum.example/t/best-cover-crops-winter/205 | 40.0 | OldFarmerJoe
# Best winter cover crops for a small vegetable plot
I have four raised beds that sit empty from November to March. Thinking of winter rye or crimson clover. Which has worked for you in a cold climate, and how do you turn it in without a tiller?
- RosesAndRain | 39.0 | Crimson clover, then cut it and cover with cardboard three weeks before planting.
- Basil_Bob | 35.0 | Winter rye is tougher but a pain to kill without a tiller.

@ gardenersforum.example/t/sourdough-of-compost/210 | 150.0 | Basil_Bob
# My compost pile smells like rotten eggs
The compost pile behind my shed smells terrible. I add kitchen scraps and grass clippings. Neighbours are complaining. What is going wrong? I turn it maybe once a month. It sits in a plastic bin in the shade.
- OldFarmerJoe | 148.0 | Too wet and too much green. Add dry leaves or shredded cardboard and turn it.
- Basil_Bob | 140.0 | Added cardboard and turned it. Smell is gone in a week.

@ gardenersforum.example/t/community-garden-plot-waitlist/215 | 12.0 | RosesAndRain
# Community garden plot waiting list - how long for you?
I have been on the Eastside community garden waiting list for two years. Is that normal? Are there other community gardens in Riverside with shorter lists? I just want to grow some beans.
- GreenThumbGail | 11.0 | Two years is normal for Eastside. The new garden by the river has open plots.
- RosesAndRain | 9.0 | Just applied at the river garden, fingers crossed for spring.

@ gardenersforum.example/t/dividing-hostas/225 | 300.0 | GreenThumbGail
# When to divide hostas?
My hostas have become huge clumps. Spring or fall for dividing them? And can I just cut them with a spade? They are in partial shade next to the house and have not been divided in ten years.
- RosesAndRain | 298.0 | Early spring when the shoots are just up. A sharp spade works fine, they are tough.

@ gardenersforum.example/t/squirrels-eating-bulbs/230 | 25.0 | Basil_Bob
# Squirrels dug up every tulip bulb I planted
Planted 60 tulip bulbs on Sunday; by Wednesday the squirrels had eaten half. Chicken wire? Cayenne? Giving up and planting daffodils? I need a solution before I plant the other thirty this weekend.
- OldFarmerJoe | 24.0 | Plant daffodils instead. Squirrels hate them and leave them alone.
- GreenThumbGail | 23.0 | Chicken wire over the bed until the ground freezes worked for me.

@ gardenersforum.example/t/raised-bed-lumber/235 | 600.0 | RosesAndRain
# Cedar or pine for raised beds?
Building three raised beds. Cedar costs twice as much as pine. Is it worth it? Anyone have pine beds that lasted more than a few years? Thanks. Budget is tight this year.
- Basil_Bob | 598.0 | My pine beds lasted four years. Cedar ones are eight years old and fine.

@ gardenersforum.example/t/pollinator-garden-native-plants/240 | 70.0 | GreenThumbGail
# Native plants for a pollinator garden in clay soil
Replacing part of the lawn with a pollinator garden. Heavy clay soil, full sun. Which native flowers do bees and butterflies love that will survive clay? Thanks. I would like something blooming from spring to fall.
- RosesAndRain | 69.0 | Coneflower, bee balm, black-eyed Susan, asters. All fine in clay.
- OldFarmerJoe | 65.0 | Milkweed for monarchs, and some goldenrod for the autumn bees.

@ gardenersforum.example/t/garlic-planting-time/245 | 1.5 | OldFarmerJoe
# Garlic planting time - is it too late?
Normally I plant garlic in mid October but I was away. Is early November too late to plant garlic cloves in our zone? The ground is still soft and the nights are just getting cold.
- Basil_Bob | 1.2 | Plant now, before the ground freezes. It will be fine.
- RosesAndRain | 1.0 | I planted mine last week. Mulch well with straw after planting.

@ gardenersforum.example/t/houseplant-fungus-gnats/250 | 33.0 | Basil_Bob
# Fungus gnats in my houseplants
Little black flies everywhere around my houseplants. I have been watering more since the heating came on. How do I get rid of fungus gnats? They are driving me crazy.
- GreenThumbGail | 32.0 | Let the soil dry out between waterings and use yellow sticky traps.

@ gardenersforum.example/t/saving-seeds/255 | 450.0 | RosesAndRain
# Saving seeds from heirloom beans
First year saving seeds. How dry should the bean pods be before I pick them, and how do I store them over winter? I grew three kinds of pole beans from my neighbour's seeds.
- OldFarmerJoe | 448.0 | Let the pods rattle on the plant. Store seeds in a paper envelope in a cool dry place.

@ transittalk.example/t/route-12-schedule-change/310 | 3.0 | BusRider88
# Route 12 schedule change is a disaster
Since the new schedule started, Route 12 runs every 30 minutes instead of 15 in the morning. I have been late to work three times. Did anyone find out why they cut it?
- CommuterKate | 2.8 | Driver shortage, according to the transit board minutes from September.
- TrainFanTom | 2.5 | Route 14 plus a short walk is faster now, at least in the morning.
- BusRider88 | 2.0 | Going to the transit board meeting on Tuesday to complain in person.

@ transittalk.example/t/light-rail-extension-vote/315 | 20.0 | TrainFanTom
# Light rail extension vote next month
The council votes on the light rail extension to the airport next month. Supporters say it cuts the trip to 25 minutes; opponents point to the cost overruns on the first line. Where do you stand?
- CommuterKate | 19.0 | For it. The airport bus is a nightmare with luggage.
- BusRider88 | 18.0 | Fix the buses first, then talk about shiny new trains.
- TrainFanTom | 17.0 | Why not both? Other cities manage to fund buses and rail.

@ transittalk.example/t/bike-lanes-main-street/320 | 45.0 | CommuterKate
# Protected bike lanes on Main Street - thoughts?
The city proposes protected bike lanes on Main Street, removing 40 parking spots. Shop owners are upset. Cyclists say it will finally be safe. Anyone ride Main Street now? Thoughts?
- Wheelie_Wes | 44.0 | Ride it daily. It is terrifying at rush hour. Please build them.
- BusRider88 | 42.0 | Make sure buses can still stop without blocking the lane.

@ transittalk.example/t/monthly-pass-price-increase/325 | 90.0 | BusRider88
# Monthly pass going up to $85
The monthly transit pass goes from $72 to $85 in January. Reduced fare passes stay the same. Is it still worth it versus paying per ride? I ride about twenty-five times a month to work and back.
- CommuterKate | 89.0 | If you ride more than 30 times a month, yes.

@ transittalk.example/t/train-delays-signal-problems/330 | 7.5 | TrainFanTom
# Signal problems again on the Blue Line
Third morning this week with "signal problems" between Central and Riverside Park. Is there a plan to replace the old signalling system? I missed the start of my shift twice already.
- Wheelie_Wes | 7.0 | Upgrade is planned for 2028. Until then, enjoy the delays.

@ transittalk.example/t/best-app-real-time-bus/335 | 250.0 | Wheelie_Wes
# Best app for real-time bus arrivals?
The official transit app keeps crashing. Which app do you use for real-time bus arrivals in Riverside? It freezes every time I open the map, and the arrival times are often wrong by ten minutes or more.
- CommuterKate | 248.0 | The open-data one. It is accurate within a minute usually.

@ transittalk.example/t/snow-routes-buses/340 | 330.0 | BusRider88
# Snow routes: which buses still run in a storm?
Last winter I waited an hour in the snow for a bus that had been moved to a snow route. Where can I find which routes change during storms? Thanks.
- TrainFanTom | 328.0 | The transit website has a snow route map. Also they post on social media.

@ transittalk.example/t/accessible-stations/345 | 60.0 | Wheelie_Wes
# Elevator out at Central station again
The elevator at Central has been out for two weeks. For wheelchair users that means the station is unusable. Who do we complain to? There are no signs and no alternative is offered.
- CommuterKate | 59.0 | The accessibility office. File a formal complaint, it creates a record.
- Wheelie_Wes | 50.0 | Filed the complaint today. They say the parts are on order.

@ transittalk.example/t/night-bus-safety/350 | 15.0 | CommuterKate
# Night buses feel unsafe lately
Taking the night bus home after late shifts. Some nights there are fights at the downtown transfer stop. Anyone else notice? Should I be asking for more security? Thanks. I have been riding it for years.
- BusRider88 | 14.0 | Yes, email the transit police. They track reports by stop.

@ transittalk.example/t/ferry-service-return/355 | 700.0 | TrainFanTom
# Bring back the river ferry!
The river ferry stopped running in 2019. It was the nicest commute in the city. Any chance it returns? Twelve minutes across the water instead of forty in traffic. I would pay double the bus fare for it.
- CommuterKate | 698.0 | There is a feasibility study, apparently. Don't hold your breath.
""")

# ---- off-topic noise: cooking, sports, city news ----
PARTS.append(r"""
@ kitchenbench.example/2026/10/weeknight-lentil-soup/ | 9.0 | Nadia Reyes
# Weeknight lentil soup that tastes like it took all day
Red lentils, a can of tomatoes, cumin, smoked paprika, and a squeeze of lemon at the end. Thirty minutes, one pot, and it freezes beautifully. The lemon is not optional: it wakes up the whole bowl.
- Paul Chen | 8.5 | Made it tonight. Added spinach at the end. Excellent, thank you.
- Nadia Reyes | 8.0 | Spinach is a great addition, and kale works well too.

@ kitchenbench.example/2026/09/perfect-pie-crust/ | 40.0 | Paul Chen
# The pie crust that finally worked for me
After years of shrinking, cracking crusts, I switched to half butter and half shortening, ice water with a splash of vinegar, and a full hour in the fridge. The crust held its shape and flaked like a bakery's.
- Nadia Reyes | 39.0 | The vinegar trick is new to me. Trying it for Thanksgiving.
- Milo Grant | 35.0 | Vodka instead of some of the water also works, it bakes off.

@ kitchenbench.example/2026/08/tomato-glut-recipes/ | 80.0 | Nadia Reyes
# What to do with a tomato glut
My garden produced far too many tomatoes this year. So far: slow-roasted tomatoes in olive oil, a big batch of passata, and a tomato tart. Send me your best recipes before they all go soft.
- Milo Grant | 79.0 | Gazpacho! No cooking needed and it uses a lot of tomatoes.
- Paul Chen | 77.0 | Tomato jam with chili. Incredible on grilled cheese, trust me.

@ kitchenbench.example/2026/07/cast-iron-care/ | 110.0 | Milo Grant
# Cast iron care myths
You can use a little soap on cast iron. You can cook tomatoes in it occasionally. What you cannot do is leave it wet in the sink overnight. Here is my simple routine for keeping a pan seasoned for decades.
- Paul Chen | 108.0 | Finally someone says soap is fine. My grandmother would disagree.

@ kitchenbench.example/2026/10/sheet-pan-dinners/ | 1.5 | Paul Chen
# Five sheet-pan dinners for busy weeknights
Sheet-pan dinners saved my autumn: sausage with apples and onions, chickpeas with cauliflower and harissa, salmon with green beans, chicken thighs with potatoes, and tofu with broccoli and soy glaze. One pan, one cleanup.
- Nadia Reyes | 1.2 | The harissa chickpeas are in my weekly dinner rotation now.
- Milo Grant | 1.0 | Adding the salmon one to this week's meal plan, thanks.

@ kitchenbench.example/2025/12/holiday-cookie-swap/ | 330.0 | Nadia Reyes
# How to host a holiday cookie swap
Everyone bakes six dozen of one cookie, everyone goes home with six dozen assorted. A few rules help: label allergens, bring containers, and no store-bought allowed. Ours had twelve bakers last year.
- Paul Chen | 328.0 | We did one at work last year. The gingerbread was legendary.

@ kitchenbench.example/2026/06/fermenting-pickles/ | 140.0 | Milo Grant
# Fermented pickles: my first batch
Cucumbers, salt, garlic, dill and a week on the counter. My first batch of fermented pickles came out sour, crunchy and a little fizzy. Tips for keeping them crunchy: add a grape leaf and keep the brine cool.
- Nadia Reyes | 138.0 | Grape leaf trick works, my grandmother did the same every summer.

@ kitchenbench.example/2026/05/sourdough-starter-revival/ | 180.0 | Paul Chen
# Reviving a neglected sourdough starter
My starter sat in the back of the fridge for three months with grey liquid on top. Two days of feeding twice a day and it doubled again. Do not throw out your starter, they are tougher than you think.
- Milo Grant | 178.0 | Mine survived six months once. Sourdough starters are very forgiving.

@ kitchenbench.example/2026/10/best-cafe-breakfasts/ | 3.0 | Milo Grant
# The best café breakfasts in Riverside
A personal ranking of the best café breakfasts in town: the shakshuka at the little café on Fifth, the huevos rancheros by the station, and the cardamom buns at the Swedish bakery. Honourable mention for the diner pancakes.
- Nadia Reyes | 2.8 | The cardamom buns are worth the queue on a Saturday.
- Paul Chen | 2.5 | You forgot the bagel place on Elm! Best everything bagel.

@ kitchenbench.example/2026/02/knife-sharpening/ | 260.0 | Paul Chen
# Learning to sharpen knives on a whetstone
I finally learned to sharpen my kitchen knives on a whetstone. Keep a consistent angle, use the coarse side first, then the fine side. Twenty minutes and my old chef's knife slices tomatoes like new.
- Milo Grant | 258.0 | A marker on the edge shows if you are hitting the right angle.

@ kitchenbench.example/2026/09/school-lunch-ideas/ | 35.0 | Nadia Reyes
# School lunch ideas that come home eaten
My kids bring home half their lunch every day. What finally worked: pasta salad, mini muffins, cut fruit with a little dip, and letting them choose two items each night.
- Tara Nguyen | 34.0 | Letting them choose made the difference for us too. Less waste.

@ sidelines.example/t/playoff-predictions/601 | 4.0 | BlitzKing
# Playoff predictions thread
Four weeks left in the regular season. Who makes it? I have the Hawks winning the division and the Rivermen sneaking in as a wild card if the defense holds up.
- GridironGus | 3.8 | The Rivermen's schedule is brutal down the stretch. I say they miss.
- Coach_Pete | 3.5 | Hawks in the final, you all heard it here first.
- BlitzKing | 3.0 | Bookmarking this thread for when I am right in January.

@ sidelines.example/t/youth-soccer-coaching/605 | 30.0 | Coach_Pete
# Coaching under-10 soccer: keep score or not?
Our league debates whether to keep score for under-10 games. Parents scream when it is close. Do you think scores help kids learn or just stress them? Thanks. Curious about other leagues.
- GridironGus | 29.0 | The kids always know the score anyway, no matter what the league says.
- SoccerMomSue | 28.0 | Our league stopped keeping score and the sideline got much calmer.

@ sidelines.example/t/stadium-parking/610 | 60.0 | GridironGus
# Stadium parking prices are out of control
Forty dollars to park for a game. That is more than my ticket. Anyone found a decent park-and-ride or a cheaper lot within walking distance? I go to about ten games a season.
- BlitzKing | 59.0 | Take the light rail to the stadium stop and walk ten minutes.

@ sidelines.example/t/basketball-trade-rumors/615 | 9.0 | HoopsHank
# Trade rumours: would you trade the rookie for a veteran guard?
Rumour says we could get an all-star guard for our rookie and two picks. Win now or build for the future? The deadline is in two weeks and the front office has been quiet about it.
- BlitzKing | 8.8 | Win now. Rookies are lottery tickets and our window is short.
- Coach_Pete | 8.5 | Build. The veteran is 33 and his knees are not getting younger.
- HoopsHank | 8.0 | Split the difference, trade the picks only and keep the rookie.

@ sidelines.example/t/marathon-training-first-time/620 | 100.0 | RunnerRae
# Training for my first marathon at 40
Signed up for the spring marathon. Currently running 25 miles a week. Sixteen weeks enough? How do you avoid injury when mileage goes up? I have run two half marathons before.
- Coach_Pete | 98.0 | Sixteen weeks is fine. Increase mileage no more than ten percent a week.
- RunnerRae | 20.0 | Update: week 12 and no injuries so far! Long run of 18 miles done.

@ sidelines.example/t/hockey-fights/625 | 250.0 | HoopsHank
# Should hockey ban fighting?
Another concussion last night after a fight. Most leagues have banned it. Time for ours to follow? The player was taken off on a stretcher and the crowd cheered the fight anyway. Something has to change.
- GridironGus | 248.0 | Yes. The sport does not need it and the players deserve better.
- BlitzKing | 245.0 | It keeps players honest on the ice. Keep it in the game.

@ sidelines.example/t/local-high-school-football/630 | 1.0 | GridironGus
# Riverside High beats Eastside in double overtime
What a game last night! Riverside High came back from 14 down in the fourth quarter and won in double overtime. The sophomore running back had 190 yards. Best high school game I have seen.
- BlitzKing | 0.9 | I was there, the place went crazy when the kick went in.
- Coach_Pete | 0.8 | That kid is going to play in college, mark my words.

@ sidelines.example/t/golf-handicap/635 | 500.0 | RunnerRae
# How do golf handicaps work?
New to golf and my friends keep talking about handicaps. How is it calculated, and do I need one to play in the club's Saturday game? Thanks. I shoot about 110.
- HoopsHank | 498.0 | You need a few scorecards submitted first. The club pro can set you up.

@ sidelines.example/t/world-cup-qualifiers/645 | 140.0 | SoccerMomSue
# World Cup qualifiers: watch party?
Anyone want to organise a watch party for the qualifier next week? The pub on Elm Street has a big screen. Kickoff is at 7 pm on Tuesday. Jerseys encouraged.
- HoopsHank | 139.0 | Count me in. I will bring my flag and my loud cousin.

@ sidelines.example/t/pickleball-courts/650 | 18.0 | RunnerRae
# Pickleball taking over the tennis courts
The park converted two tennis courts to pickleball. Tennis players are furious, pickleball players are thrilled. Is there a fair way to share? Ideas welcome. I play both, so I see both sides of the argument.
- Coach_Pete | 17.0 | Use time slots. Mornings for pickleball, evenings for tennis players.
- SoccerMomSue | 16.0 | Build more courts. Both sports are growing in this city.

@ news.cityhall.example/news/leaf-collection-1230 | 10.0 | City Communications Office
# Fall leaf collection begins
Curbside leaf collection begins next Monday and continues for six weeks. Please rake leaves to the curb but not into the street, and keep bags free of branches and trash.

@ news.cityhall.example/news/road-work-elm-street-1235 | 22.0 | City Communications Office
# Elm Street road work and detours
Elm Street between Fifth and Ninth will be closed for water main replacement for three weeks. Buses on Route 12 will detour via Oak Street. Local access for residents will be maintained.

@ news.cityhall.example/news/new-dog-park-1240 | 95.0 | City Communications Office
# New dog park opens at Riverside Park
The new off-leash dog park at the north end of Riverside Park is open, with separate areas for large and small dogs, water fountains and shade trees. Open daily from dawn to dusk.

@ news.cityhall.example/news/snow-emergency-rules-1245 | 420.0 | City Communications Office
# Snow emergency parking rules
When a snow emergency is declared, vehicles must be moved off marked snow routes within six hours. Towed vehicles can be retrieved from the city lot on Industrial Way. Check the city website.

@ riversidegazette.example/2026/10/new-bakery-eastside/ | 6.0 | Gazette Staff
# Family bakery opens on Eastside Avenue
A new family-run bakery opened on Eastside Avenue this week, specialising in Turkish simit, flatbreads and baklava. The owners said they chose the neighbourhood for its mix of families and early-morning workers.
- Yusuf A. | 5.0 | Best simit in the city, I can confirm. Go early.

@ riversidegazette.example/2026/09/river-cleanup/ | 38.0 | Gazette Staff
# Volunteers pull 2 tons of trash from the river
More than 300 volunteers spent Saturday morning clearing trash from the riverbanks, including shopping carts, tyres and a piano. Organisers plan a spring cleanup. The city provided gloves, bags and two trucks.

@ riversidegazette.example/2026/08/heat-wave-cooling-centres/ | 85.0 | Gazette Staff
# Heat wave: cooling centres open across the city
With temperatures above 35 degrees expected through Thursday, the city has opened cooling centres at libraries and community centres. Residents are asked to check on elderly neighbours. Stay hydrated. Pets should stay indoors.

@ riversidegazette.example/2025/11/high-school-band-parade/ | 370.0 | Gazette Staff
# Riverside High band marches in national parade
The Riverside High School marching band will perform in the national Thanksgiving parade, the first time a band from the county has been invited. Students raised travel money through car washes and bake sales.

@ events.townlibrary.example/events/knitting-club | 14.0 | Town Library Events
# Event: Knitting Club
Knitting Club. Thursdays 2-4 pm, Community Room. Knitters and crocheters of all levels. Bring your own project or learn the basics. Yarn donations welcome. Tea and biscuits provided every week.

@ events.townlibrary.example/events/chess-club | 19.0 | Town Library Events
# Event: Chess Club for all ages
Chess Club. Wednesdays 5-7 pm, Meeting Room A. Casual games, beginner lessons and a monthly tournament. Boards provided. All ages welcome. Beginners can ask for a short lesson from club members.

@ events.townlibrary.example/events/movie-matinee | 24.0 | Town Library Events
# Event: Friday Movie Matinee
Friday Movie Matinee. Fridays 1 pm, Auditorium. Classic films on the big screen, with popcorn. This month: westerns. Free. Doors open at 12:45. Seating is first come, first served. All welcome.

@ parentingcorner.example/2026/09/toddler-sleep-regression/ | 22.0 | Hana Yilmaz
# Toddler sleep regression at 2 - how long did yours last?
Our two-year-old suddenly fights bedtime and wakes at 3 am every night. We have tried everything. How long did the sleep regression last for your toddler? We are exhausted. Any advice helps.
- Tara Nguyen | 21.0 | About three weeks for us. Consistent routine and a lot of patience.
- Lucia F. | 20.0 | Moving bedtime later by 30 minutes fixed ours within a week.

@ parentingcorner.example/2026/07/family-camping-with-kids/ | 120.0 | Marcus Bell
# Our first family camping trip with small kids
Two nights at the state park with a 3 and a 6 year old. Rain the first night, a raccoon in the cooler the second. The kids say it was the best weekend ever. Tips for next time: bring twice as many socks.
- Jenna Ruiz | 118.0 | The raccoon detail made me laugh out loud. Classic camping story.

@ parentingcorner.example/2025/09/screen-time-rules/ | 420.0 | Tara Nguyen
# Screen time rules that actually work in our house
No screens at the table, no phones in bedrooms, and weekends are more relaxed. The rule that mattered most was that parents follow the same rules. Here is how we got there.
- Marcus Bell | 418.0 | The parent rule is the hard one! I keep breaking it.

@ seniortech.example/posts/hearing-aid-bluetooth | 55.0 | Gus Fenton
# Bluetooth hearing aids: worth the upgrade?
My audiologist suggested hearing aids that connect to my phone. Phone calls go straight into my ears. Has anyone tried them? Do they drain the phone battery? Thanks. They cost a lot more.
- Walter Brandt | 54.0 | My father has them and loves them. Battery drain is small.

@ gardenersforum.example/t/apple-tree-pruning/260 | 130.0 | OldFarmerJoe
# Pruning an old apple tree
Inherited a neglected apple tree with a tangle of branches. Should I prune it all at once this winter or over several years? It still gives a few apples but they are small and spotted.
- RosesAndRain | 128.0 | Over three years. Taking too much at once makes it throw up water sprouts.

@ transittalk.example/t/e-scooters-sidewalks/360 | 5.5 | Wheelie_Wes
# E-scooters parked on sidewalks
Rental e-scooters are left in the middle of sidewalks everywhere. For wheelchair users it is a real hazard. Does the city have rules? Yesterday I could not get past one on Main Street.
- CommuterKate | 5.0 | There is a hotline to report them. The companies get fined.
""")


# ---- late additions ----
PARTS.append(r"""
@ englishcorner.example/forum/thread/1050-evening-english-class-spanish-speakers | 0.9 | Rosa Jimenez
# Evening English class for Spanish speakers?
My husband speaks only a little English and works construction until five. Is there an evening English class in Riverside where the teacher also speaks some Spanish, for the very first weeks? He is shy and gives up when he understands nothing.
- Lucia F. | 0.8 | My uncle started in the Eastside beginner class on Mondays. One of the volunteers there speaks Spanish and helped him the first month.
- Rosa Jimenez | 0.7 | Thank you Lucia, I will tell him about the Monday class tonight.

@ readingforum.example/t/can-college-students-be-volunteer-tutors/4680 | 19.0 | Leo Park
# Can college students be volunteer tutors for adults?
I am a 20-year-old college student and want to volunteer as a reading tutor for adults, but I worry a learner twice my age will not take me seriously. Do literacy programs accept students as tutors, and how do adult learners feel about young tutors?
- pageturner_jo | 18.5 | Plenty of our best tutors are students. Learners care whether you respect them and show up, not how old you are.
- RLC Volunteer Desk | 18.0 | Leo, we welcome students. We just ask for a one-year commitment, including over exam periods, because learners count on you.
- Leo Park | 17.0 | A year is fine. I signed up for the October tutor orientation today.

@ grantwatch.example/items/4480 | 0.6 | GrantWatch
# Reminder: adult literacy grant letters of inquiry due in two weeks
Reminder that letters of inquiry for the Harmon Family Foundation adult literacy grant round are due in two weeks. Eligible programs provide adult basic education, ESL or family literacy. Grants up to $50,000 for one year.

@ forum.adultlearners.example/viewtopic.php?t=3690 | 36.0 | Elsie Moore
# Can grandparents join a family literacy program?
I am raising my two grandchildren. I left school at 14 and my reading is weak. The school mentioned a family literacy program but the flyer says "parents". Can grandparents join? I would love to learn with them.
- Jenna Ruiz | 35.5 | Yes! At Hillcrest we have several grandparents in the family literacy program. Any adult raising the kids is welcome.
- Riverside Literacy | 35.0 | Elsie, absolutely. "Parents" means whoever reads to the children at night. Call us and we will find a place near you.
- Elsie Moore | 30.0 | I called and start next week with my grandson. Thank you both so much.

@ seniortech.example/posts/grandparents-tech-class-recap | 26.0 | Walter Brandt
# Recap: the grandparents' tech class at Oakview
Eight grandparents, eight tablets, six Tuesday mornings. By the end everyone could send photos, join a video call and borrow an e-book from the library. The favourite moment: a grandmother who video called her grandson in Germany and cried when he answered. Digital skills are about people, not devices.
- Irene Kowalski | 25.0 | I was there for that call. Not a dry eye in the room.
- Gus Fenton | 24.0 | Please run it again in spring, my brother wants to come.

@ riversideliteracy.example/blog/citizenship-class-graduates/ | 13.0 | Riverside Literacy
# Eleven citizenship class students are now citizens
Eleven students from our spring citizenship class have now passed their naturalization interviews. They come from Ukraine, Mexico, Vietnam, Syria, Eritrea and El Salvador. Many studied the civics questions for months after work. We are so proud of them, and grateful to the volunteers who played stern immigration officers every Wednesday.
- Olena K. | 12.5 | I am one of the eleven! The mock interviews made the real one feel easy.
- Carlos Medina | 12.0 | Congratulations everyone. My own interview is next month, wish me luck.

@ gardenersforum.example/t/reading-seed-catalogues-winter/265 | 8.0 | RosesAndRain
# Reading seed catalogues on a cold evening
Nothing beats reading seed catalogues by the fire in November and circling far too many tomato varieties. Which catalogues do you like best, and what new varieties are you trying next year?
- OldFarmerJoe | 7.5 | The heirloom catalogue from the seed library co-op. Their descriptions read like short stories.
- Basil_Bob | 7.0 | I am trying a purple pole bean and a striped tomato next year.

@ transittalk.example/t/bus-to-eastside-community-centre/365 | 11.0 | BusRider88
# Which bus goes to the Eastside Community Centre now?
With the Elm Street detour, which bus gets me to the Eastside Community Centre? My wife has an evening class there and I do not want her waiting at the wrong stop in the dark.
- CommuterKate | 10.5 | Route 12 is detouring via Oak Street, so take Route 9 and walk two blocks. Much simpler until the road work ends.

@ kitchenbench.example/2026/10/cooking-class-for-english-learners/ | 17.0 | Nadia Reyes
# Teaching a cooking class for English learners
I volunteered to teach a cooking class for adults in the ESL program at the community centre. We made lentil soup and learned the words along the way: chop, simmer, stir, a pinch of salt. By the end everyone was reading the recipe card aloud and laughing at my knife skills.
- Mr. Dubois | 16.5 | Cooking classes are brilliant for English learners. Real vocabulary, real tasks, and lunch at the end.
- Fatima Z. | 16.0 | I was in this class! Now I know the difference between simmer and boil.

@ libraryblog.example/2026/10/books-by-dyslexic-authors/ | 9.5 | Elena Marsh
# Reading list: books by and about adults with dyslexia
For Dyslexia Awareness Month we put together a reading list of memoirs and novels by adults with dyslexia, all available in print and audiobook. Several of the authors only found out about their dyslexia as adults. The list is on display near the Adult Learning Corner.
- Nora Vance | 9.0 | Thank you for including the audiobook versions. That is how I will read most of them.

@ newcomers.example/board/topic/700 | 27.0 | Daria P.
# Library card for newcomers - what ID do I need?
I have only my passport and a letter from the resettlement agency. Can I get a library card in Riverside with these? I want to borrow English books for me and picture books for my daughter.
- Olena K. | 26.5 | Yes, the library changed the rules. A passport or an agency letter is enough, no proof of address needed now.
- Daria P. | 25.0 | Got my card today with the agency letter. We borrowed six books already.

@ sidelines.example/t/fantasy-football-draft-strategy/670 | 21.0 | BlitzKing
# Fantasy football draft strategy for a twelve-team league
Draft is Sunday. Running backs early or grab the top receivers? Last year I took two running backs in the first two rounds and both got hurt by October. Convince me either way.
- HoopsHank | 20.5 | Receivers early. Running backs get hurt every single year, grab them in the middle rounds.
- GridironGus | 20.0 | Elite tight end in round two. Nobody else has one and it wins weeks.
""")


def parse(text):
    records, cur = [], None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@ "):
            addr, days, author = [p.strip() for p in line[2:].split("|")]
            host = addr.split("/", 1)[0]
            cur = {"url": "https://" + addr, "kind": KIND[host], "title": None,
                   "author": author, "days_ago": float(days), "text": "", "replies": []}
            records.append(cur)
        elif line.startswith("# ") and cur["title"] is None:
            cur["title"] = line[2:].strip()
        elif line.startswith("- "):
            author, days, body = [p.strip() for p in line[2:].split("|", 2)]
            cur["replies"].append({"author": author, "days_ago": float(days), "text": body})
        else:
            cur["text"] = (cur["text"] + " " + line).strip()
    return records


def main():
    convs = []
    for part in PARTS:
        convs.extend(parse(part))
    out = []
    for i, c in enumerate(convs, 1):
        out.append({"id": "c%03d" % i, **c})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote %d conversations to %s" % (len(out), path))


if __name__ == "__main__":
    main()

"""The demo newsroom: realistic but entirely FICTIONAL articles of the demo network.

`load_demo_newsroom()` deletes every article and writes the demo articles again through
the newsroom's services (write, submit, publish or return), as the demo organisations'
editors and the demo coordinator, so they obey the same rules as real ones. Load the demo
network first (`manage.py demo` does both). It then takes some of them through the
translation workflow's services: fictional volunteer translators and reviewers, careful
reviewed translations (which fill the translation memory), one waiting for review, one
being translated and requests waiting for a translator. No person, event or figure here is
real; the places are.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from unittest import mock

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from PIL import Image, ImageDraw

from tadamun.accounts.models import User
from tadamun.core import markdown
from tadamun.core.demo import quiet_log
from tadamun.network.demo import (
    _SILENT_TASKS,
    COORDINATOR_EMAIL,
    DEMO_DOMAIN,
    DEMO_PASSWORD,
    ORGANISATIONS,
    _no_email,
    demo_slug,
)
from tadamun.network.models import Governorate, Membership, Organisation
from tadamun.pathways.models import Pathway

from . import services
from .models import Article, Attachment, FeedSource, Memory, Translator, Version

DEMO_FEEDS = Path(__file__).resolve().parent / "demo_feeds"
K = Article.Kind
PUBLISHED, SUBMITTED, DRAFT, RETURNED = "published", "submitted", "draft", "returned"


@dataclass
class DemoArticle:
    org: str  # the key of a demo organisation (tadamun.network.demo.ORGANISATIONS)
    kind: str
    language: str
    title: str
    summary: str
    body: str
    pathways: list[str]
    governorates: list[str]
    state: str  # published, submitted, draft or returned (a draft with a review comment)
    days_ago: int  # published, submitted or (drafts) started that many days ago
    cover: str = ""  # motif of a generated cover image: waves, arches, circles, dots
    cover_alt: str = ""
    comment: str = ""  # the coordinator's comment, for a returned article
    pdf: str = ""  # title of a generated PDF attached to the article


# fmt: off
ARTICLES: list[DemoArticle] = [
    # --- Water, the marshes and the environment ---------------------------------------
    DemoArticle(
        "shatt-water", K.REPORT, "ar",
        "ملوحة مياه الإسالة في أبي الخصيب: نتائج اثني عشر شهراً من الفحوص التطوعية",
        "فحص متطوعو الشبكة مياه الحنفيات في أربعين بيتاً كل شهر طوال عام كامل، ووجدوا أن الملوحة تجاوزت الحد المسموح به في ثمانية أشهر من اثني عشر.",
        """في أول جمعة من كل شهر يخرج متطوعو شبكة شط العرب بحقائب صغيرة فيها أجهزة قياس الملوحة والعكارة، ويطرقون أبواب أربعين بيتاً في أبي الخصيب وشط العرب. يأخذون العينة من الحنفية نفسها في كل مرة، ويسجلون النتيجة أمام أهل البيت، ثم يعلقونها على لوحة في سوق الحي.

## ما وجدناه

- تجاوزت نسبة الأملاح الذائبة الحد المسموح به لمياه الشرب في ثمانية أشهر من اثني عشر، وبلغت ذروتها في أيلول حين تقدم اللسان الملحي في شط العرب.
- ظهرت علامات تلوث بمياه الصرف الصحي في عينات أحد عشر بيتاً تقع قرب أنابيب متآكلة لم تُستبدل منذ سنوات.
- تنفق العائلات التي شملها الفحص في المتوسط نحو ربع دخلها الشهري على شراء مياه الشرب من السيارات الحوضية.

ليست هذه الأرقام مفاجأة لأهل البصرة، لكنها المرة الأولى التي تُجمع فيها بانتظام ومن البيوت نفسها، فلا يستطيع أحد بعد اليوم أن يقول إنها حالات معزولة.

## ما نطالب به

سلمنا التقرير الكامل إلى دائرة ماء البصرة وإلى لجنة الخدمات في مجلس المحافظة، وطالبنا بجدول زمني علني لاستبدال الأنابيب المتآكلة في الأحياء الأحد عشر، وبأن تنشر الدائرة نتائج فحوصها كل شهر كما نفعل نحن. الحق في الماء النظيف ليس منّة من أحد.

البيانات الكاملة مرفقة بهذا التقرير، وجداولها متاحة لكل باحث أو صحفي يطلبها.""",
        ["heritage-environment", "economic-social-rights"], ["IQ-BA"], PUBLISHED, 38,
        cover="waves", cover_alt="رسم تجريدي بألوان الماء: أمواج زرقاء وخضراء فوق تدرج لوني.",
        pdf="Tap water in Abu al-Khasib: twelve months of tests (data)",
    ),
    DemoArticle(
        "kahla-marshes", K.NEWS, "ar",
        "مربو الجاموس في الكحلاء يسجلون أدنى منسوب للمياه منذ بدء القياس",
        "انخفضت قراءات المقياس الخشبي الذي نصبه الأهالي في هور الكحلاء أربعين سنتيمتراً خلال الصيف، ونفقت الأسماك في ثلاث مناطق من الهور.",
        """قبل ثلاث سنوات نصب أصدقاء أهوار الكحلاء مقياساً خشبياً بسيطاً عند مدخل القرية، يقرأه أحد الصيادين كل صباح ويرسل الرقم إلى مجموعة الأهالي على الهاتف. هذا الصيف انخفض المنسوب أربعين سنتيمتراً بين حزيران وأيلول، وهو أدنى مستوى سجلناه منذ بدأنا.

في الأسبوع الماضي عثر الصيادون على أسماك نافقة في ثلاث مناطق من الهور، واضطرت عشر عائلات إلى نقل جواميسها إلى ضفاف نهر المشرح بحثاً عن ماء أقل ملوحة. يقول أحد المربين: «الجاموس لا يعيش بلا ماء عذب، ونحن لا نعيش بلا الجاموس».

أرسلنا القراءات وصور الأسماك النافقة إلى مديرية الموارد المائية في ميسان، وطالبنا بإطلاقة مائية عاجلة وبأن يكون لأهل الهور ممثل دائم في لجنة توزيع الحصص المائية.

ندعو منظمات الشبكة إلى نشر القراءات ومشاركتها: ما يحدث في الكحلاء اليوم سيحدث في أهوار أخرى غداً إن بقي الصمت.""",
        ["heritage-environment", "economic-social-rights"], ["IQ-MA"], PUBLISHED, 12,
    ),
    DemoArticle(
        "voice-of-marshes", K.INTERVIEW, "ar",
        "«الهور علّمني الصبر»: حوار مع صيادة من الجبايش",
        "تصطاد أم حسن في أهوار الجبايش منذ ثلاثين عاماً، وتحدثت إلى راديو صوت الأهوار عن الجفاف وأسعار السمك ومكان النساء في الهور.",
        """في حلقة هذا الأسبوع من برنامج «حكايات الماء» استضفنا أم حسن، صيادة من الجبايش تخرج بمشحوفها قبل الفجر منذ ثلاثين عاماً. هذا مقتطف من الحوار.

**كيف تغير الهور منذ بدأتِ الصيد؟**

كان الماء يصل إلى عتبة البيت، والقصب أعلى من رأس الرجل. اليوم أمشي على أرض كانت ماءً قبل عشر سنوات. السمك صار أصغر وأقل، والبُنّي يكاد يختفي.

**هل يتقبل الناس أن تصطاد امرأة؟**

في البداية استغربوا. لكن حين توفي زوجي لم يسأل أحد من سيطعم الأطفال. النساء في الهور يعملن دائماً: يحلبن الجاموس ويصنعن القيمر ويحملن القصب. الفرق أن عملنا لا يُرى.

**ماذا تطلبين من المسؤولين؟**

أن يأتوا في آب ويقفوا معنا على الضفة. الماء حق، وليس هدية في موسم الانتخابات.""",
        ["heritage-environment", "women"], ["IQ-DQ"], PUBLISHED, 65,
    ),
    DemoArticle(
        "water-justice-lab", K.REPORT, "en",
        "Six months of open sensor data from the Chibayish marshes",
        "Twelve low-cost sensors built with marsh communities recorded salinity and water levels every hour, and show how fast the marshes turn salty when releases from upstream stop.",
        """Last spring, fishers and buffalo herders from Chibayish and students from our lab assembled twelve sensors from off-the-shelf parts, each costing less than a sack of fodder. Mounted on reed platforms across the central marshes, they have sent a reading of salinity, temperature and water level every hour since.

## What the data show

- When upstream releases stopped for eleven days in July, salinity at the southern sensors doubled within a week.
- Water levels fell fastest where the reed beds had already been cut back, which suggests the reeds themselves slow the loss.
- Night-time temperatures of the water stayed above 30 °C for most of August, a threshold at which several fish species stop breeding.

Every reading is published as open data, and the herders receive a simple daily message in Arabic with the level and salinity at the sensor nearest to them. Several families now use it to decide when to move their buffalo.

Sensors do not make water. But numbers collected by the people who live in the marshes are harder to dismiss, and our Iraqi partners are already using them in their talks with the water resources directorates. The next step is to hand over the maintenance of the network entirely to a team trained in Chibayish.""",
        ["heritage-environment"], ["IQ-DQ", "IQ-MA"], PUBLISHED, 75,
        cover="dots", cover_alt="Abstract illustration: a grid of light dots over a teal and green gradient, like sensor readings.",
    ),
    DemoArticle(
        "tigri-eufrate", K.STATEMENT, "it",
        "Le paludi non sono una questione locale: appello per un accordo equo sulle acque",
        "La nostra rete si unisce alle comunità delle paludi di Bassora, Dhi Qar e Maysan e chiede ai governi europei di sostenere un accordo equo sulla condivisione delle acque del Tigri e dell'Eufrate.",
        """Quest'estate le comunità delle paludi mesopotamiche hanno registrato i livelli d'acqua più bassi da anni. Allevatori di bufali costretti a spostarsi, pesci morti, famiglie che lasciano i villaggi per le periferie di Bassora e Nassiriya: è la crisi climatica, aggravata da dighe a monte e da una gestione dell'acqua che non ascolta chi ci vive.

Le associazioni irachene della nostra rete misurano, documentano e propongono. Il minimo che possiamo fare qui è amplificare la loro voce, senza parlare al loro posto.

## Chiediamo

- ai governi europei di sostenere, in ogni sede bilaterale e multilaterale, un accordo equo e vincolante sulla condivisione delle acque tra i paesi del bacino;
- alle agenzie di cooperazione di finanziare progetti di gestione pubblica dell'acqua decisi con le comunità locali, non sopra le loro teste;
- ai comuni italiani gemellati con città irachene di ospitare, nei prossimi mesi, attivisti e attiviste delle paludi.

Le paludi sono patrimonio dell'umanità e casa di persone che hanno diritto di restarci. Difenderle è una questione di giustizia climatica, e riguarda anche noi.""",
        ["heritage-environment", "peacebuilding"], ["IQ-BA", "IQ-DQ", "IQ-MA"], PUBLISHED, 20,
    ),
    DemoArticle(
        "halabja-green-hands", K.NEWS, "ckb",
        "گەنجانی هەڵەبجە دوازدە کانیاو لە هەورامان پاک دەکەنەوە",
        "لە ماوەی دوو مانگدا خۆبەخشانی دەستە سەوزەکان دوازدە کانیاویان لە پاشەڕۆ و پلاستیک پاک کردەوە و دار لە دەوریان چاند.",
        """هەموو هەینییەک، سی تا چل گەنج لە هەڵەبجە و گوندەکانی هەورامان بە پاچ و کیسە و ئامێری سادەوە کۆ دەبنەوە. لەم بەهارەدا دوازدە کانیاویان پاک کردەوە کە پڕ بوون لە پلاستیک و پاشەڕۆی بیناسازی.

کانیاوەکان بۆ خەڵکی ناوچەکە تەنها سەرچاوەی ئاو نین؛ بەشێکن لە یادەوەری و ژیانی ڕۆژانەیان. پیرەمێردێکی گوندی بیارە دەڵێت: «لە منداڵیمەوە ئاوم لەم کانییە خواردووەتەوە، بەڵام ساڵی ڕابردوو بۆنی پیسی لێ دەهات».

## هەنگاوەکانی داهاتوو

- چاندنی ٥٠٠ داری بەڕوو و گوێز لە دەوری کانیاوەکان بۆ پاراستنی خاک.
- دانانی تابلۆ بە کوردی و عەرەبی بۆ ئاگادارکردنەوەی گەشتیاران.
- داواکردن لە شارەوانی بۆ ڕاگرتنی بیناسازیی بێ مۆڵەت لە نزیک سەرچاوەکان.

ئەگەر دەتانەوێت بەشداری بکەن، هەموو هەینییەک کاتژمێر حەوتی بەیانی لە بەردەم پەیکەری شەهیدان کۆ دەبینەوە.""",
        ["heritage-environment", "youth"], ["IQ-SU"], PUBLISHED, 160,
    ),
    # --- Oil, ports and decent work ----------------------------------------------------
    DemoArticle(
        "rumaila-oil", K.STATEMENT, "ar",
        "بيان: ثلاثة أشهر بلا أجور لعمال العقود في حقول الرميلة",
        "تطالب النقابة شركات المقاولة الثانوية بصرف أجور أكثر من ستمئة عامل متأخرة منذ ثلاثة أشهر، وتدعو وزارة النفط إلى تحمل مسؤوليتها.",
        """لم يتسلم أكثر من ستمئة عامل يعملون بعقود مع شركات مقاولة ثانوية في حقول الرميلة أجورهم منذ ثلاثة أشهر. هؤلاء العمال يقودون الصهاريج ويصونون الأنابيب تحت شمس تتجاوز الخمسين درجة، ثم يعودون إلى بيوت تجاور شعلات حرق الغاز.

تقول شركات المقاولة إنها لم تستلم مستحقاتها من الشركة المشغلة، وتقول الشركة المشغلة إنها دفعت. وبين الطرفين يستدين العمال من أصحاب المحال لإطعام أطفالهم.

## مطالبنا

- صرف الأجور المتأخرة كاملة خلال أسبوعين.
- تحويل الأجور مباشرة إلى حسابات العمال المصرفية بدل تمريرها عبر المقاولين.
- تثبيت العمال الذين مضى على عملهم أكثر من ثلاث سنوات بعقود دائمة.
- إشراك النقابة في لجنة متابعة تضم وزارة النفط ودائرة العمل في البصرة.

احتجاجنا سلمي وسيبقى سلمياً، ونشكر النقابات الشقيقة في إيطاليا والسويد على رسائل التضامن. إن لم تُصرف الأجور، سنعتصم أمام مقر الشركة المشغلة في الزبير يوم الأحد المقبل.""",
        ["economic-social-rights"], ["IQ-BA"], PUBLISHED, 95,
    ),
    DemoArticle(
        "umm-qasr-dockers", K.NEWS, "ar",
        "عودة أربعة عمال موانئ فُصلوا بسبب نشاطهم النقابي في أم قصر",
        "بعد ستة أشهر من الاعتصامات والمفاوضات، أعادت إدارة الميناء أربعة من أعضاء النقابة إلى عملهم وصرفت أجورهم عن فترة الفصل.",
        """عاد صباح الأحد أربعة من عمال التحميل والتفريغ إلى أرصفة ميناء أم قصر الشمالي، بعد ستة أشهر على فصلهم إثر مشاركتهم في انتخابات الهيئة الإدارية للنقابة.

جاء القرار بعد اعتصامات أسبوعية أمام بوابة الميناء، وشكوى قدمتها النقابة إلى محكمة العمل في البصرة، ومفاوضات شارك فيها ممثلون عن دائرة العمل. وتضمن الاتفاق صرف الأجور كاملة عن أشهر الفصل، وتعهداً مكتوباً بعدم معاقبة أي عامل بسبب عضويته النقابية.

قال أحد العمال العائدين عند البوابة: «لم نطلب أكثر من حقنا. الفصل كان رسالة لكل من يفكر في الانضمام إلى النقابة، وعودتنا رسالة معاكسة».

تشكر النقابة كل من تضامن معها، ومنهم النقابيون الإيطاليون الذين زاروا الميناء في الربيع، وتؤكد أن معركتها التالية هي عقود دائمة لعمال الأجر اليومي.""",
        ["economic-social-rights", "human-rights-defenders"], ["IQ-BA"], PUBLISHED, 150,
    ),
    DemoArticle(
        "sindacati-in-rete", K.STORY, "it",
        "Genova–Bassora: una settimana con i portuali e i petrolieri iracheni",
        "Una delegazione di sei sindacalisti genovesi ha passato una settimana a Bassora con i sindacati indipendenti del porto e del petrolio: ecco cosa abbiamo visto e cosa faremo.",
        """Siamo arrivati a Bassora a fine aprile, in sei: due portuali, un'elettricista, un operaio della raffineria e due funzionari della nostra camera del lavoro. Ci aspettavano i compagni del sindacato dei portuali di Umm Qasr e del sindacato dei lavoratori del petrolio di Rumaila, che da anni sono gemellati con noi.

Abbiamo visto banchine dove si lavora dodici ore con quaranta gradi già alle nove del mattino, lavoratori a giornata senza contratto né assicurazione, e case di operai a poche centinaia di metri dalle torce del gas. Abbiamo anche visto assemblee affollate, giovani delegati preparatissimi e una solidarietà tra colleghi che a volte da noi si è persa.

## Cosa abbiamo deciso insieme

- una raccolta fondi per la cassa di resistenza dei lavoratori a contratto di Rumaila;
- uno scambio di formazione sulla sicurezza nei porti, con una visita di delegati iracheni a Genova in autunno;
- una campagna comune perché le aziende europee che lavorano nei giacimenti rispettino la libertà sindacale lungo tutta la catena degli appalti.

Tornando, ci siamo detti che la solidarietà non è un viaggio, ma un impegno che dura. Il prossimo passo tocca a noi.""",
        ["economic-social-rights"], ["IQ-BA"], PUBLISHED, 120,
    ),
    DemoArticle(
        "salary-rights", K.STATEMENT, "ckb",
        "ڕاگەیەندراو: مووچە مافە، نەک دیاری",
        "مامۆستایان و فەرمانبەران و خانەنشینان داوا دەکەن مووچەکان لە کاتی خۆیدا بدرێن و داهاتی نەوت بە ڕوونی ڕابگەیەندرێت.",
        """بۆ چوارەمین مانگی یەک لە دوای یەک، هەزاران مامۆستا و فەرمانبەر و خانەنشین لە هەرێمی کوردستان مووچەکانیان بە دواکەوتن وەرگرتووە. خێزانەکان قەرزدار بوون، دەرمان گران بووە، و هەندێک مامۆستا ناچار بوون لە دوای دەوام کاری دووەم بکەن.

ئێمە بزووتنەوەیەکی ئاشتیانەین و سەر بە هیچ حیزبێک نین. داواکانمان ڕوون و سادەن:

- پێدانی مووچە لە کاتی دیاریکراوی خۆیدا، بێ بڕین و بێ پاشەکەوتی زۆرەملێ.
- بڵاوکردنەوەی مانگانەی داهاتی نەوت و خەرجییەکانی حکومەت بە شێوەیەکی ڕوون.
- گفتوگۆیەکی ڕاستەقینە لەگەڵ نوێنەرانی مامۆستایان و فەرمانبەران، نەک بەڵێنی بێ بنەما.

ئێمە دژی هەڕەشە و دەستگیرکردنی ئەو مامۆستایانەین کە بەشداری خۆپیشاندانە ئاشتیانەکان دەکەن. مافی دەربڕین و کۆبوونەوە مافێکی دەستووری و مرۆییە.

داوا لە هەموو ڕێکخراوەکانی تۆڕی هاوپشتی دەکەین دەنگمان بگەیەنن: مووچە مافە، نەک دیاری.""",
        ["economic-social-rights", "democracy"], ["IQ-SU", "IQ-AR"], PUBLISHED, 130,
    ),
    # --- Women --------------------------------------------------------------------------
    DemoArticle(
        "rewan-women", K.REPORT, "ckb",
        "ساڵێک لە پەناگەی ڕەوان: ١٤٢ ئافرەت و ٣١ دۆسیەی دادگا",
        "ڕاپۆرتی ساڵانەی ناوەندەکە دەریدەخات کە ژمارەی ئەو ئافرەتانەی پەنایان بۆ پەناگەکە هێناوە زیادی کردووە، بەڵام دادگاکان هێشتا هێواشن.",
        """لە ماوەی ساڵی ڕابردوودا ١٤٢ ئافرەت و ٢٠٩ منداڵ پەنایان بۆ پەناگە نهێنییەکەی ناوەندی ڕەوان لە سلێمانی هێنا. زۆربەیان لە توندوتیژیی خێزانی ڕایانکردبوو، و هەندێکیان لە ژێر هەڕەشەی کوشتن بە ناوی «شەرەف» بوون.

## ئەنجامە سەرەکییەکان

- نووسینگەی یارمەتیی یاسایی ٣١ دۆسیەی بردە بەردەم دادگا، تەنها ٩ دۆسیە بڕیاری کۆتایییان وەرگرت.
- نزیکەی نیوەی ئافرەتەکان تەمەنیان لە خوار ٢٥ ساڵەوە بوو.
- ٤٠ ئافرەت دوای ماوەی مانەوەیان کاریان دۆزییەوە یان گەڕانەوە بۆ خوێندن.

یاسای بەرەنگاربوونەوەی توندوتیژیی خێزانی لە هەرێمی کوردستان لەسەر کاغەز باشە، بەڵام دادگاکان زۆر هێواشن و پۆلیس هێشتا هەندێک جار ئافرەتەکان دەنێرێتەوە بۆ ماڵەوە «بۆ ئاشتەوایی».

## داواکارییەکانمان

داوا لە ئەنجومەنی دادوەری دەکەین لە هەموو پارێزگاکان دادگای تایبەت بە توندوتیژیی خێزانی بکاتەوە، و داوا لە حکومەت دەکەین بودجەیەکی جێگیر بۆ پەناگەکان دابین بکات. سوپاسی هاوبەشەکانمان لە لیۆن دەکەین کە یارمەتی نۆژەنکردنەوەی ژوورەکانی منداڵانیان دا.""",
        ["women", "human-rights-defenders"], ["IQ-SU"], PUBLISHED, 200,
    ),
    DemoArticle(
        "kani-magazine", K.INTERVIEW, "ckb",
        "«ڕۆژنامەنووسی ژن دوو جار هەڕەشەی لێ دەکرێت»: گفتوگۆ لەگەڵ پەیامنێرێکی سلێمانی",
        "ژیلا دە ساڵە ڕووماڵی خۆپیشاندانەکان دەکات؛ لەم گفتوگۆیەدا باسی هەڕەشەکان، خۆپاراستنی دیجیتاڵی و ئەو هۆیانە دەکات کە وای لێ دەکەن بەردەوام بێت.",
        """ژیلا پەیامنێرێکی سەربەخۆیە لە سلێمانی و لە ساڵی ٢٠١٥ەوە ڕووماڵی خۆپیشاندانەکانی مامۆستایان و گەنجان دەکات. داوای کرد تەنها ناوی یەکەمی بڵاو بکەینەوە.

**چ جۆرە هەڕەشەیەکت بۆ دێت؟**

وەک هەموو ڕۆژنامەنووسێک هەڕەشەی دەستگیرکردن و شکاندنی کامێرام بۆ هاتووە. بەڵام وەک ژنێک، هەڕەشەی دووەمیش هەیە: پەیامی ناشیرین، بڵاوکردنەوەی وێنەی تایبەت و قسە لەسەر خێزانەکەم. ئەمە بۆ ئەوەیە کە بێدەنگمان بکەن.

**چۆن خۆت دەپارێزیت؟**

فێربووم پەیامەکانم بە ئەپی پارێزراو بنێرم، وێنەکان لە مۆبایلەکەم بسڕمەوە دوای ناردنیان، و هەرگیز بە تەنها نەچمە خۆپیشاندان. ڕاهێنانەکانی کۆمەڵەی سەلامەتیی ڕۆژنامەنووسان زۆر یارمەتیی دام.

**بۆچی بەردەوامیت؟**

چونکە ئەگەر ئێمە نەنووسین، کەس نازانێت چی ڕوودەدات. و چونکە کچانی گەنج پێم دەڵێن دەیانەوێت ببن بە ڕۆژنامەنووس.""",
        ["democracy", "women", "human-rights-defenders"], ["IQ-SU"], PUBLISHED, 45,
    ),
    # --- Journalists and defenders -------------------------------------------------------
    DemoArticle(
        "journalists-safety", K.REPORT, "ar",
        "سجل الاعتداءات على الصحافة: ٨٧ حالة في عام واحد",
        "وثّق الخط الساخن للجمعية ٨٧ اعتداءً على صحفيين ومصورين خلال العام، ثلثها أثناء تغطية الاحتجاجات، ولم يُحاسَب أحد في أي منها.",
        """تلقى الخط الساخن لجمعية سلامة الصحفيين العراقيين خلال العام الماضي ٢١٤ اتصالاً، تحققنا منها ووثقنا ٨٧ اعتداءً على صحفيين ومصورين ومدونين في أحد عشر محافظة. ننشر هذا السجل كل عام لأن ما لا يُسجَّل يُنسى.

## أبرز الأرقام

- ٢٩ اعتداءً وقعت أثناء تغطية احتجاجات، معظمها مصادرة معدات وضرب.
- ١٨ حالة احتجاز دون مذكرة قضائية، أطولها دام تسعة أيام.
- ٢٢ حالة تهديد عبر الهاتف ومواقع التواصل، بينها ٩ استهدفت صحفيات بحملات تشهير.
- لم تنتهِ أي من الشكاوى المقدمة إلى الجهات الرسمية بمحاسبة المعتدين.

تتركز الاعتداءات في بغداد والناصرية والموصل، وتزداد في أسابيع الاحتجاجات وقبل الانتخابات. ويتعرض المراسلون المحليون المستقلون لخطر أكبر من زملائهم في المؤسسات الكبيرة لأنهم يعملون بلا عقود ولا تأمين.

نطالب مجلس القضاء بتسمية قضاة مختصين بالنظر في شكاوى الصحفيين، ونطالب وزارة الداخلية بتعليمات واضحة تحمي حق التغطية في أماكن الاحتجاج. ونذكّر الزملاء بأن الخط الساخن يعمل على مدار الساعة، وأن الاتصال به سري.""",
        ["human-rights-defenders", "democracy"], ["IQ-BG", "IQ-DQ", "IQ-NI"], PUBLISHED, 270,
    ),
    DemoArticle(
        "geneva-defenders", K.INTERVIEW, "en",
        "“They want us to be afraid, so we keep going”: a defender from Dhi Qar in Geneva",
        "Before a United Nations session in Geneva, we spoke with Hawraa, a lawyer from Nasiriyah who documents enforced disappearances, about threats, evidence and hope.",
        """Hawraa is a lawyer from Nasiriyah who has spent six years documenting the cases of young men who disappeared during and after the protests of 2019. This month she travelled to Geneva to brief United Nations experts. For her safety, we use only her first name.

**Why come all the way to Geneva?**

Because at home the files go into a drawer. Here, each case gets a number, and the government has to answer in writing. An answer is not justice, but it is a record that cannot be erased.

**What has changed since you started?**

The families are braver. At first the mothers did not want their sons' names written anywhere. Now they come to the office with photographs and ask us to send them. They taught me that fear is something you carry together, or it crushes you alone.

**What can people abroad do?**

Keep asking about the names. Invite defenders to speak, but also think about what happens when they go home: the threats sometimes come after the trip. Solidarity must last longer than a conference.""",
        ["human-rights-defenders"], ["IQ-DQ"], PUBLISHED, 290,
    ),
    # --- Yazidi return to Sinjar, minorities ----------------------------------------------
    DemoArticle(
        "sinjar-homecoming", K.STORY, "kmr",
        "Vegera bi hêdî: 40 malbat vê biharê vegeriyan Şengalê",
        "Vê biharê 40 malbatên êzidî ji kampên Dihokê vegeriyan gundên xwe yên li başûrê Şengalê; em çîroka yek ji wan vedibêjin.",
        """Sibeha ku Berfîn û sê zarokên wê vegeriyan gundê xwe, cîranan çay û nan anîn ber derî. Xaniyê wan ê kevn hîn bê pencere bû, lê dîwar li ser piyan bûn. "Ez deh salan di konekî de mam," dibêje Berfîn. "Niha ez dixwazim zarokên min li ser axa xwe mezin bibin."

Komeleya me vê biharê alîkariya 40 malbatan kir ku ji kampên Dihokê vegerin gundên başûrê Şengalê. Me bi hev re derî, pencere û banên xaniyan tamîr kirin, û ji bo her malbatê tankeke avê danî.

## Tiştên ku hîn kêm in

- Li gelek gundan hîn dibistan tune ye; zarok rojê du saetan bi peyatî diçin.
- Elektrîk tenê çend saetan di rojê de heye.
- Gelek malbat hîn li benda nûçeyên endamên xwe yên windabûyî ne.

Vegera bi rûmet ne tenê avakirina xaniyan e. Ew ewlehî, xizmetên giştî û dadmendî ji bo rizgarbûyan e. Em bang li rayedaran dikin ku dibistan û bingehên tenduristiyê vekin, berî ku malbatên din biryara vegerê bidin.""",
        ["minorities", "peacebuilding", "women"], ["IQ-NI", "IQ-DA"], PUBLISHED, 80,
    ),
    DemoArticle(
        "sinjar-weavers", K.NEWS, "kmr",
        "Kooperatîfa me xalîçeyên xwe yên yekem li pêşangeha Dihokê firotin",
        "Di pêşangeha payîzê ya Dihokê de, jinên kooperatîfê 26 xalîçe û 40 şal firotin û qezenc di navbera 18 endaman de parve kirin.",
        """Du sal berê, çend jinên êzidî yên ku ji destê DAIŞê rizgar bûbûn û vegeriyabûn Şengalê, li odeyeke biçûk dest bi tevnkirinê kirin. Îro kooperatîfa me 18 endam hene, û vê payîzê me cara yekem berhemên xwe li pêşangeha Dihokê firotin.

Di sê rojan de me 26 xalîçe û 40 şal firotin. Nexşên wan ji xalîçeyên dapîrên me hatine girtin: stêrk, çiya û teyrê tawûs. Gelek kiriyar pirsîn ka her nexş çi wateyê dide, û endamên me bi serbilindî çîrokên wan gotin.

Qezenc li gorî demjimêrên kar di navbera hemû endaman de hat parvekirin. Beşek jê jî ji bo kirîna tevneke nû û ji bo dersên xwendin û nivîsandinê yên keçan hat veqetandin.

Em spasiya komeleyên tora hevgirtinê dikin ku cih û rêwîtiyê ji me re amade kirin. Ger hûn dixwazin xalîçeyekê bistînin an me vexwînin pêşangeheke din, bi me re têkilî daynin.""",
        ["women", "minorities", "economic-social-rights"], ["IQ-NI", "IQ-DA"], PUBLISHED, 30,
    ),
    DemoArticle(
        "hadba-newsroom", K.REPORT, "ar",
        "العودة إلى برطلة وبعشيقة: بيوت مرممة ونزاعات ملكية معلقة",
        "تحقيق ميداني في بلدتين من سهل نينوى: عادت نحو نصف العائلات، لكن نزاعات الملكية وضعف الخدمات وكثرة نقاط التفتيش تؤخر عودة الباقين.",
        """أمضى فريق غرفة أخبار الحدباء ثلاثة أسابيع في برطلة وبعشيقة، وتحدث إلى أكثر من خمسين عائلة مسيحية وشبكية وإيزيدية، عادت أو ما زالت تفكر في العودة، وإلى موظفين في دوائر التسجيل العقاري والتعويضات.

## ما سمعناه

- عادت نحو نصف العائلات التي نزحت، وأغلبها من كبار السن؛ كثير من الشباب بقوا في أربيل أو هاجروا.
- تنتظر عشرات العائلات البت في طلبات التعويض منذ أكثر من أربع سنوات.
- وجد بعض العائدين بيوتهم مسكونة أو مبيعة بوثائق مزورة، وتسير دعاوى استردادها ببطء شديد.
- يشكو الأهالي من كثرة نقاط التفتيش التابعة لجهات مختلفة، ومن عدم معرفة من المسؤول عن أمن البلدة.

رغم ذلك، تعود الحياة ببطء: افتُتحت مدرسة مشتركة في برطلة، وعادت معاصر الزيتون في بعشيقة إلى العمل هذا الموسم، ويتبادل الجيران من مكونات مختلفة الزيارات في الأعياد.

يطالب الأهالي الذين تحدثنا إليهم بأمرين قبل كل شيء: حسم نزاعات الملكية بسرعة وشفافية، وأن يكون أمن البلدات بيد مؤسسات الدولة وحدها، بمشاركة أبناء المنطقة من كل المكونات.""",
        ["minorities", "peacebuilding", "democracy"], ["IQ-NI"], PUBLISHED, 110,
    ),
    # --- Mosul heritage ---------------------------------------------------------------------
    DemoArticle(
        "old-mosul-workshop", K.STORY, "ar",
        "حجراً بعد حجر: متدربو الورشة يعيدون قناطر بيت في محلة الميدان",
        "ثمانية شباب من المدينة القديمة أمضوا أربعة أشهر في ترميم قناطر الحلان في بيت تراثي بمحلة الميدان، وتعلموا الحرفة من آخر معلمي البناء في الحي.",
        """حين دخل المتدربون الثمانية البيت أول مرة، كانت القناطر المطلة على الحوش مكومة حجارة على الأرض. صاحبة البيت، وهي معلمة متقاعدة، احتفظت بكل حجر سقط وكتبت عليه بالطباشير من أي قنطرة جاء.

علّمهم الأسطى يونس، وهو في السبعين من عمره، كيف يُقرأ الحلان ويُنحت، ولماذا تُترك فواصل رفيعة بين الحجارة، وكيف يُخلط الجص بالطريقة القديمة. يقول أحد المتدربين: «كنت أظن أن الترميم يعني أن نبني جديداً يشبه القديم. الأسطى علمني أن نبني القديم نفسه».

بعد أربعة أشهر عادت القناطر الثلاث إلى مكانها، واستُخدم فيها أكثر من ثلثي الحجارة الأصلية. وسجل فريق الورشة ذكريات صاحبة البيت وجيرانها عن الحوش والأعراس التي أقيمت فيه، لتُحفظ مع صور العمل في أرشيف المحلة.

تبحث الورشة الآن عن تمويل لترميم بيتين آخرين في المحلة نفسها، وتفتح باب التسجيل لدفعة جديدة من المتدربين، نصفها من الشابات.""",
        ["heritage-environment", "youth", "peacebuilding"], ["IQ-NI"], PUBLISHED, 55,
        cover="arches", cover_alt="رسم تجريدي لقناطر بلون الحجر فوق خلفية رملية متدرجة.",
    ),
    DemoArticle(
        "nineveh-archaeologists", K.NEWS, "ar",
        "دورة لحراس المواقع الأثرية في نمرود على التوثيق والإبلاغ",
        "تدرب خمسة عشر حارساً من القرى المحيطة بنمرود على تصوير المواقع وتسجيل الأضرار والإبلاغ عن الحفر غير القانوني.",
        """نظم ملتقى آثاريي نينوى دورة استمرت خمسة أيام لخمسة عشر حارساً من القرى المحيطة بموقع نمرود، تناولت تصوير المواقع بالهاتف وتسجيل الأضرار في استمارة موحدة، وطرق الإبلاغ السريع عن الحفر غير القانوني.

الحراس هم خط الدفاع الأول عن التراث، لكنهم يعملون غالباً بأجور زهيدة وبلا أي تدريب أو معدات. قال أحدهم في نهاية الدورة: «كنا نحرس تلالاً لا نعرف ما تحتها. اليوم صرت أفهم لماذا يستحق هذا المكان أن نسهر عليه».

وزع الملتقى على المشاركين هواتف مزودة بتطبيق توثيق بسيط يعمل دون اتصال بالإنترنت، وسيجمع تقاريرهم كل شهر ليرفعها إلى مفتشية آثار نينوى. الدورة القادمة مخصصة لحراس موقعي آشور والحضر.""",
        ["heritage-environment"], ["IQ-NI"], PUBLISHED, 170,
    ),
    DemoArticle(
        "heritage-partnership", K.NEWS, "en",
        "Conservators and Mosul students map damaged façades in the old city",
        "A two-week workshop in Mosul trained fourteen architecture students to photograph, measure and record damaged heritage buildings, so that each restoration starts from evidence.",
        """For two weeks in March, fourteen architecture students from Mosul worked alongside two conservators from our partnership and the craftsmen of the Old Mosul Heritage Workshop, recording the façades of thirty houses around the old city's alleys.

Each building now has a file with measured drawings, photographs of every carved lintel and balcony, and notes on what can be reused. Residents were asked what the houses looked like before the war; several brought family photographs that helped the students reconstruct lost details.

## Why it matters

- Restorations that start without records tend to replace original stone and wood with new materials.
- A shared archive lets owners, craftsmen and the heritage authorities talk about the same building.
- Trained local students can carry on the work long after any foreign project ends.

The files belong to the Mosul partners and are kept in Mosul. Our role was to bring equipment and experience, and to learn: we leave with a better understanding of Mosul's building traditions than any book could give us.""",
        ["heritage-environment", "youth"], ["IQ-NI"], PUBLISHED, 140,
    ),
    # --- Youth and Tishreen -------------------------------------------------------------------
    DemoArticle(
        "haboubi-circle", K.STORY, "ar",
        "بعد تشرين: مكتبة على رصيف ساحة الحبوبي لا تغلق أبوابها",
        "شباب التقوا في احتجاجات تشرين في الناصرية حوّلوا خيمة النقاش إلى مكتبة رصيف ومنتدى أسبوعي، يقرأ فيها اليوم طلاب لم يشهدوا الساحة.",
        """في خريف ٢٠١٩ كانت خيمتنا في ساحة الحبوبي مكاناً للنقاش الليلي: عن الدستور، والبطالة، والمدينة التي نريدها. حين انتهت الاعتصامات بقيت الكتب التي جمعناها، ولم نرد أن نرميها في صندوق.

اليوم نفرش المكتبة على الرصيف كل خميس وجمعة. فيها أكثر من ألف ومئتي كتاب تبرع بها الناس، من الروايات إلى كتب القانون، ويستعيرها الزوار بلا بطاقة ولا رسوم، فقط بكلمة شرف.

## ما تعلمناه

- الثقة تعمل: لم يُفقد من الكتب المعارة إلا القليل.
- نصف رواد المكتبة طلاب إعدادية كانوا أطفالاً أيام الاحتجاجات.
- النقاش المفتوح مساء الجمعة يجذب أحياناً أكثر من مئة شخص، بينهم موظفون ومتقاعدون.

لم ننسَ رفاقنا الذين قُتلوا في الساحة، ولن نتوقف عن المطالبة بمحاسبة قتلتهم. لكننا نؤمن أيضاً أن بناء مدينة تقرأ وتتناقش هو جزء من تشرين الذي لم ينتهِ.""",
        ["youth", "democracy"], ["IQ-DQ"], PUBLISHED, 8,
        cover="circles", cover_alt="رسم تجريدي: دوائر فاتحة متداخلة فوق تدرج أحمر وبرتقالي.",
    ),
    DemoArticle(
        "tahrir-assembly", K.STATEMENT, "ar",
        "بيان في ذكرى تشرين: لا مصالحة بلا حقيقة ولا حقيقة بلا محاسبة",
        "في ذكرى انطلاق احتجاجات تشرين، يطالب مجلس مواطني ساحة التحرير بنشر نتائج التحقيقات في قتل المتظاهرين ومحاكمة المسؤولين علناً.",
        """مرت سنوات على تشرين، وما زالت مئات العائلات تنتظر أن تعرف من قتل أبناءها وبناتها في ساحات بغداد والناصرية والبصرة وكربلاء والنجف. شُكّلت لجان تحقيق كثيرة، ولم تُنشر نتائج أي منها كاملة.

نحن لا نطلب انتقاماً. نطلب ما يطلبه أي مواطن في دولة قانون: أن تُنشر الحقيقة، وأن يقف المسؤولون أمام القضاء، وأن تُعوَّض العائلات والجرحى تعويضاً يحفظ كرامتهم.

## مطالبنا

1. نشر نتائج كل لجان التحقيق المتعلقة بقتل المتظاهرين وإصابتهم.
2. إحالة المتهمين إلى محاكم علنية، أياً كانت الجهة التي ينتمون إليها.
3. رعاية طبية دائمة للجرحى، ولا سيما من فقدوا البصر أو الأطراف.
4. وقف ملاحقة الناشطين السلميين بدعاوى كيدية.

سنحيي الذكرى بوقفة صامتة وبقراءة أسماء الشهداء في ساحة التحرير. ندعو الجميع إلى الحضور سلمياً، بلا شعارات حزبية، وبأيدٍ خالية إلا من الورود.""",
        ["democracy", "human-rights-defenders", "youth"], ["IQ-BG"], PUBLISHED, 225,
    ),
    # --- Demilitarisation and small arms ---------------------------------------------------------
    DemoArticle(
        "weapons-free", K.REPORT, "ar",
        "حملة التسليم الطوعي في حي الحيانية: ٣١٢ قطعة سلاح خفيف خلال ثلاثة أشهر",
        "سلّمت عائلات في حي الحيانية بالبصرة ٣١٢ قطعة سلاح خفيف مقابل قسائم لمواد البناء والدراسة، في أول حملة يديرها وجهاء الحي مع الشرطة المحلية.",
        """بدأت الحملة بعد شجار على موقف سيارات تحول إلى تبادل لإطلاق النار قُتل فيه شاب في العشرين. اجتمع وجهاء الحي ومعلمون وأئمة مساجد مع فريق المبادرة، واتفقوا على تجربة شيء لم يُجرَّب هنا من قبل: تسليم السلاح طوعاً وبلا أسئلة.

## كيف عملت الحملة

- نقطة تسليم في مدرسة الحي تفتح يومي الجمعة والسبت، بحضور الشرطة المحلية وأحد الوجهاء.
- لا تُسجَّل أسماء، ويحصل من يسلم قطعة على قسيمة لمواد البناء أو للقرطاسية المدرسية.
- لقاءات في المساجد والمدارس مع الأمهات والشباب عن أثر السلاح على العائلة.

خلال ثلاثة أشهر سُلّمت ٣١٢ قطعة، أغلبها مسدسات وبنادق كلاشنكوف، إضافة إلى قنابل يدوية سُلّمت لفريق معالجة المتفجرات. وتراجعت حوادث إطلاق النار المبلغ عنها في الحي بشكل واضح خلال الفترة نفسها.

تبقى الحملة محدودة ما دام السلاح يُباع في السوق بسهولة. نطالب بتشريع ينظم حيازة السلاح ويحصره بيد الدولة، وبتمويل حملات مماثلة في أحياء أخرى من البصرة وبغداد وذي قار.""",
        ["demilitarization", "peacebuilding"], ["IQ-BA"], PUBLISHED, 180,
    ),
    DemoArticle(
        "nordic-peace-forum", K.STATEMENT, "en",
        "Statement: fewer guns in Iraqi homes means fewer guns shipped to the region",
        "Backing the voluntary handover campaigns of our Iraqi partners, we call on the Nordic governments to stop licensing small-arms exports to the region.",
        """In neighbourhoods of Basra and Baghdad, Iraqi volunteers are persuading families to hand in rifles and pistols, one weapon at a time, in exchange for school supplies and building materials. Their courage deserves more than applause from abroad.

Every weapon handed in by a family in Basra is replaced many times over by weapons traded across the region. Some of them were first sold, legally, by European countries, including our own, before reaching militias and the black market.

## We call on the Nordic governments to

- suspend export licences for small arms and light weapons to countries where they are at clear risk of diversion;
- publish complete, timely data on every arms export licence granted;
- fund Iraqi-led community disarmament and mediation programmes, on terms set by the Iraqi organisations themselves.

Demilitarisation is not only an Iraqi task. It starts wherever weapons are made, sold and licensed, and that includes the Nordic countries.""",
        ["demilitarization", "peacebuilding"], ["IQ-BA", "IQ-BG"], PUBLISHED, 240,
    ),
    # --- Waiting for review --------------------------------------------------------------------------
    DemoArticle(
        "kirkuk-together", K.NEWS, "ar",
        "مهرجان «خبز كركوك» يجمع أربعة مطابخ في حي واحد",
        "خبزت نساء كرديات وعربيات وتركمانيات وآشوريات معاً في أحد أحياء كركوك، وتبادلن الوصفات والحكايات أمام مئات الزوار.",
        """في حي الشورجة بكركوك، نصبت كركوك معاً للتعايش أربعة تنانير متجاورة يوم السبت الماضي. خبزت نساء من المكونات الأربع خبزهن التقليدي، وتبادلن العجين والوصفات، بينما يقرأ الأطفال لافتات كُتبت بأربع لغات.

حضر المهرجان أكثر من أربعمئة زائر، كثير منهم جاؤوا من أحياء لم يزوروها منذ سنوات. قالت إحدى المشاركات: «تعلمت من جارتي التركمانية خبزاً لم أذقه من قبل، وهي تسكن على بعد شارعين».

اختُتم المهرجان بأمسية موسيقية أحيتها فرقة من شباب الحي تغني بالعربية والكردية والتركمانية والسريانية، وبتوقيع عريضة تطالب البلدية بتحويل الساحة إلى حديقة عامة مشتركة.""",
        ["minorities", "peacebuilding"], ["IQ-KI"], SUBMITTED, 3,
    ),
    DemoArticle(
        "badinan-legal-aid", K.NEWS, "kmr",
        "Klînîkên yasayî yên gerok di kampên Dihokê de: 300 belge di du mehan de",
        "Parêzerên komeleyê di du mehan de alîkariya zêdetirî 300 kesên koçber kirin ku nasname, belgeyên zewacê û belgeyên jidayikbûnê yên zarokan bistînin.",
        """Ji destpêka havînê ve, du parêzer û du karmendên civakî yên komeleya me her hefte serdana sê kampên koçberan ên li derdora Dihokê dikin. Ew di konekî de rûdinin û bêyî pere şêwirmendiya yasayî didin.

Pirsgirêka herî mezin belge ye. Gelek zarokên ku di kampan de ji dayik bûne hîn belgeya jidayikbûnê tune ne, û bêyî wê nikarin biçin dibistanê. Hin jin jî ji ber ku mêrên wan winda bûne, nikarin zewac an mîrata xwe bi qanûnî îspat bikin.

Di du mehan de me alîkariya zêdetirî 300 kesan kir, û 112 belge jixwe hatin derxistin. Em bang li dezgehên fermî dikin ku ji bo koçberan rêkarên hêsantir û belaş amade bikin.""",
        ["human-rights-defenders", "minorities"], ["IQ-DA"], SUBMITTED, 2,
    ),
    DemoArticle(
        "euphrates-bridge", K.STORY, "en",
        "From Nasiriyah to Leipzig: ten days, twelve young people and one shared playlist",
        "Six young people from Nasiriyah and six from Leipzig spent ten days together discussing civic life, playing football and recording songs, and left with plans for a joint project.",
        """The first evening was awkward: twelve young people around a table in Leipzig, six of them from Nasiriyah and six from Saxony, all politely waiting for someone else to speak. By the third day they had a shared playlist, a football rivalry and a long list of questions for each other.

The exchange was designed with the Haboubi Square Youth Circle in Nasiriyah. Mornings were spent on workshops about local democracy: how a city council works in Saxony, how young people in Nasiriyah organised debates after the 2019 protests, what each group could learn from the other. Afternoons belonged to sport, music and the city.

## What they will do next

- A joint podcast, one episode a month, alternating between Arabic, German and English.
- A street-library corner in Leipzig modelled on the one in Nasiriyah.
- A return visit to Nasiriyah next spring, if visas allow.

The hardest moment came at the end, when the Iraqi participants spoke about friends lost in the protests. Nobody had a ready answer. But everyone stayed in the room, and that, one of the Leipzig participants said, was the point of the whole exchange.""",
        ["youth", "peacebuilding"], ["IQ-DQ"], SUBMITTED, 5,
    ),
    # --- Drafts ---------------------------------------------------------------------------------------
    DemoArticle(
        "no-to-arms", K.NEWS, "ar",
        "«عرسك بلا رصاص»: حملة جديدة في كربلاء قبل موسم الأعراس",
        "تطلق حركة لا للسلاح المنفلت حملة لجمع تعهدات من العائلات وأصحاب قاعات الأعراس بمنع الرمي العشوائي في المناسبات.",
        """مع اقتراب موسم الأعراس، تطلق حركة لا للسلاح المنفلت حملتها السنوية «عرسك بلا رصاص» في كربلاء، بعد أن أصاب الرصاص العشوائي العام الماضي أطفالاً على أسطح بيوتهم.

تقوم الحملة على ثلاث خطوات: تعهد مكتوب يوقعه أهل العريس والعروس، وملصق يعلقه أصحاب قاعات الأعراس عند المدخل، وفرقة من الشباب تحضر الأعراس وتوزع الحلوى على من يحتفل بلا سلاح.

(ننتظر أرقام التعهدات من الأسبوع الأول قبل الإرسال.)""",
        ["demilitarization", "youth"], ["IQ-KA"], DRAFT, 4,
    ),
    DemoArticle(
        "young-doctors", K.NEWS, "ckb",
        "کلینیکی گەڕۆکی پزیشکە گەنجەکان گەیشتە کەمپەکانی دەوروبەری هەولێر",
        "پزیشکە گەنجەکان لە ماوەی مانگێکدا زیاتر لە ٨٠٠ نەخۆشیان لە سێ کەمپی ئاوارەکان بە خۆڕایی پشکنی.",
        """هەموو شەممەیەک، ئۆتۆمبێلێکی سپی کە کراوەتە کلینیکی گەڕۆک لە هەولێرەوە بەرەو کەمپەکانی ئاوارەکان دەڕوات. لە ناویدا چوار پزیشکی گەنج، پەرستارێک و سندوقێک دەرمانی بنەڕەتی هەیە.

لە مانگی یەکەمدا زیاتر لە ٨٠٠ نەخۆش پشکنران، زۆربەیان منداڵ و ئافرەت و بەتەمەن بوون. نەخۆشییە باوەکان بریتی بوون لە نەخۆشیی هەناسە، شەکرە و پەستانی خوێن.

(پێویستە وێنەکان و ڕەزامەندیی نەخۆشەکان زیاد بکەین پێش ناردن.)""",
        ["economic-social-rights", "youth"], ["IQ-AR"], DRAFT, 6,
    ),
    DemoArticle(
        "equal-citizenship", K.STATEMENT, "ar",
        "بيان: تعديل قانون الأحوال الشخصية يهدد حقوق الفتيات",
        "ترفض حركة نساء من أجل مواطنة متساوية التعديلات المقترحة على قانون الأحوال الشخصية، وتدعو النواب إلى حماية الفتيات من الزواج المبكر.",
        """تتابع حركة نساء من أجل مواطنة متساوية بقلق بالغ النقاش حول تعديل قانون الأحوال الشخصية، وما قد يفتحه من أبواب لتزويج القاصرات وتجزئة القانون الواحد بحسب الطوائف.

إن قانوناً واحداً يساوي بين المواطنين هو أساس الدولة المدنية. والفتيات اللواتي يُزوَّجن مبكراً يخسرن تعليمهن وصحتهن وحقهن في اختيار حياتهن.

ندعو النواب والنائبات إلى رفض أي تعديل يمس الحد الأدنى لسن الزواج، ونعلن عن وقفة أمام... (يُستكمل بعد اجتماع التنسيق يوم الأربعاء).""",
        ["women", "democracy"], ["IQ-BG", "IQ-BA", "IQ-NA"], DRAFT, 1,
    ),
    # --- Returned to their authors with a comment -------------------------------------------------
    DemoArticle(
        "baghdad-electricity", K.REPORT, "ar",
        "خصخصة الجباية في بغداد: ماذا تغير للعمال والمواطنين؟",
        "بعد عامين على نقل جباية فواتير الكهرباء إلى شركات خاصة في أحياء من بغداد، يرصد تقرير النقابة أثر ذلك على عمال الجباية وعلى فواتير العائلات.",
        """قبل عامين نُقلت جباية فواتير الكهرباء في عدد من أحياء بغداد إلى شركات خاصة، ووُعد المواطنون بخدمة أفضل ووُعد عمال الجباية بالنقل إلى أقسام أخرى دون أن يخسروا شيئاً.

بحسب التقرير، نُقل نحو ٧٠٠ عامل إلى أعمال لا تناسب خبرتهم، وخسر كثيرون منهم مخصصات كانوا يتقاضونها، بينما ارتفعت فواتير بعض العائلات بنسبة تصل إلى ٤٠٪ دون تحسن واضح في ساعات التجهيز.

## توصيات النقابة

- تقييم مستقل وعلني للتجربة قبل توسيعها إلى أحياء أخرى.
- ضمان حقوق العمال المنقولين ومخصصاتهم.
- نشر عقود الشركات الخاصة وشروطها كاملة.""",
        ["economic-social-rights", "democracy"], ["IQ-BG"], RETURNED, 9,
        comment="شكراً على التقرير المهم. الأرقام في الفقرة الثانية (عدد العمال المنقولين ونسبة ارتفاع الفواتير) تحتاج إلى مصدر: هل هي من استبيان النقابة أم من وثائق الوزارة؟ أضيفوا ذلك في جملة واحدة وأعيدوا الإرسال.",
    ),
    DemoArticle(
        "anbar-bridges", K.INTERVIEW, "ar",
        "حوار: كيف تعود عائلة متهمة إلى قريتها؟",
        "وسيط من جسور الأنبار للمصالحة يروي كيف اتفق الشيوخ والقضاة والجيران على عودة عائلة إلى قريتها قرب الفلوجة بعد ست سنوات في المخيم.",
        """أمضى فريق جسور الأنبار للمصالحة عاماً كاملاً في التحضير لعودة عائلة اتُّهم أحد أقاربها بالانتماء إلى داعش، إلى قريتها قرب الفلوجة. سألنا أحد الوسطاء عن الطريق الطويل إلى تلك العودة.

**من أين تبدأ المصالحة؟**

من الاستماع. زرنا عائلات الضحايا أولاً، قبل أن نزور العائلة المتهمة. لا يمكن أن تطلب من أحد أن يسامح إن لم يشعر أن ألمه سُمع.

**ما الذي غيّر رأي الجيران؟**

أن القاضي أكد أمام الجميع أن الأم والأطفال لا تهمة عليهم، وأن شيخ العشيرة تعهد علناً بحمايتهم. وأن الأطفال، في النهاية، هم أطفال القرية أيضاً.""",
        ["peacebuilding", "youth"], ["IQ-AN"], RETURNED, 14,
        comment="الحوار مهم ومكتوب بعناية، لكنه يذكر اسم العائلة كاملاً واسم القرية في النسخة المرفوعة. لسلامتهم استخدموا الاسم الأول فقط واحذفوا اسم القرية، أو أكدوا لنا أن العائلة وافقت كتابياً على النشر.",
    ),
]
# fmt: on

# --- Translation -------------------------------------------------------------------------
# Fictional volunteer translators (new demo accounts, same password as the others). Each
# translates some language pairs; a reviewer approves translations into a language
# (coordinators grant that in the administration; the demo writes the rows directly).

REQUESTED, IN_PROGRESS = "requested", "in_progress"


@dataclass
class DemoTranslator:
    local: str  # the address is local@demo.tadamun.example
    name: str
    language: str  # of their emails
    pairs: list[tuple[str, str]]
    reviews: str = ""  # the target language they review, if any


@dataclass
class DemoTranslation:
    org: str  # the demo article, by the key of its organisation
    language: str
    state: str  # published (reviewed), submitted, in_progress or requested
    days: tuple[int, ...]  # days ago it was requested, claimed, submitted, approved
    translator: str = ""  # DemoTranslator.local
    reviewer: str = ""
    title: str = ""
    summary: str = ""
    paragraphs: list[str] = field(default_factory=list)  # one per paragraph of the original


# fmt: off
TRANSLATORS: list[DemoTranslator] = [
    DemoTranslator("muntadhar.sahib", "Muntadhar Sahib", "ar", [("ar", "en"), ("en", "ar")]),
    DemoTranslator("ghada.nassif", "Ghada Nassif", "ar", [("ar", "en"), ("en", "ar")], reviews="ar"),
    DemoTranslator("helen.carver", "Helen Carver", "en", [("ar", "en"), ("ckb", "en")], reviews="en"),
    DemoTranslator("tara.jalal", "Tara Jalal", "ckb", [("ckb", "en"), ("en", "ckb"), ("ar", "ckb")]),
    DemoTranslator("valentina.orsi", "Valentina Orsi", "it", [("ar", "it"), ("en", "it")]),
    DemoTranslator("rojin.hesen", "Rojîn Hesen", "kmr", [("kmr", "en"), ("ar", "kmr"), ("en", "kmr")]),
]

TRANSLATIONS: list[DemoTranslation] = [
    # --- Reviewed and published ------------------------------------------------------------
    DemoTranslation(
        "kahla-marshes", "en", PUBLISHED, (11, 10, 8, 7), "muntadhar.sahib", "helen.carver",
        "Buffalo herders in Kahla record the lowest water level since measurements began",
        "The wooden gauge that residents set up in the Kahla marsh fell by forty centimetres over the summer, and fish died in three areas of the marsh.",
        [
            "Three years ago the Friends of the Kahla Marshes set up a simple wooden gauge at the entrance to the village. One of the fishers reads it every morning and sends the number to the residents' group on the phone. This summer the level fell by forty centimetres between June and September, the lowest we have recorded since we began.",
            "Last week fishers found dead fish in three areas of the marsh, and ten families had to move their buffalo to the banks of the Mesharrah river in search of less salty water. As one herder says: “Buffalo cannot live without fresh water, and we cannot live without the buffalo.”",
            "We sent the readings and the photographs of the dead fish to the Water Resources Directorate in Maysan, and asked for an urgent release of water and for the people of the marsh to have a permanent representative on the committee that allocates water quotas.",
            "We call on the network's organisations to publish and share the readings: what is happening in Kahla today will happen in other marshes tomorrow if the silence continues.",
        ],
    ),
    DemoTranslation(
        "nineveh-archaeologists", "en", PUBLISHED, (165, 163, 155, 153), "ghada.nassif", "helen.carver",
        "A course for the guards of the Nimrud archaeological sites on documenting and reporting",
        "Fifteen guards from the villages around Nimrud were trained to photograph the sites, record damage and report illegal digging.",
        [
            "The Nineveh Archaeologists' Forum held a five-day course for fifteen guards from the villages around the site of Nimrud. It covered photographing the sites with a phone, recording damage on a standard form, and ways to report illegal digging quickly.",
            "The guards are the first line of defence of our heritage, but they often work for meagre wages and without any training or equipment. At the end of the course one of them said: “We were guarding mounds without knowing what lay beneath them. Now I understand why this place is worth keeping watch over.”",
            "The Forum gave the participants phones with a simple documentation app that works offline. It will collect their reports every month and pass them on to the Nineveh Antiquities Inspectorate. The next course is for the guards of the sites of Ashur and Hatra.",
        ],
    ),
    DemoTranslation(
        "halabja-green-hands", "en", PUBLISHED, (155, 154, 146, 145), "tara.jalal", "helen.carver",
        "Young people of Halabja clean up twelve springs in Hawraman",
        "In two months the volunteers of Green Hands cleared twelve springs of rubbish and plastic and planted trees around them.",
        [
            "Every Friday, thirty to forty young people from Halabja and the villages of Hawraman gather with spades, sacks and simple tools. This spring they cleaned twelve springs that were full of plastic and construction waste.",
            "For the people of the area the springs are not only a source of water; they are part of their memory and of their daily life. An old man from the village of Biyara says: “I have drunk water from this spring since I was a child, but last year it smelled foul.”",
            "## Next steps",
            "- Planting 500 oak and walnut trees around the springs to protect the soil.\n"
            "- Putting up signs in Kurdish and Arabic to inform visitors.\n"
            "- Asking the municipality to stop unlicensed building near the springs.",
            "If you would like to take part, we gather every Friday at seven in the morning in front of the Martyrs' Monument.",
        ],
    ),
    # --- Translated, waiting for the Arabic reviewer -----------------------------------------
    DemoTranslation(
        "heritage-partnership", "ar", SUBMITTED, (20, 6, 2), "muntadhar.sahib", "",
        "مرممون وطلاب من الموصل يوثّقون الواجهات المتضررة في المدينة القديمة",
        "درّبت ورشة عمل استمرت أسبوعين في الموصل أربعة عشر طالباً من طلاب العمارة على تصوير المباني التراثية المتضررة وقياسها وتوثيقها، كي يبدأ كل ترميم من أدلة موثقة.",
        [
            "على مدى أسبوعين في آذار، عمل أربعة عشر طالباً من طلاب العمارة في الموصل جنباً إلى جنب مع مرممَين اثنين من شراكتنا ومع حرفيي ورشة تراث الموصل القديمة، فوثّقوا واجهات ثلاثين بيتاً في أزقة المدينة القديمة.",
            "أصبح لكل مبنى اليوم ملف فيه رسوم بقياسات دقيقة، وصور لكل عتبة منقوشة وكل شرفة، وملاحظات عما يمكن إعادة استخدامه. وسُئل السكان كيف كانت البيوت قبل الحرب، فأحضر عدد منهم صوراً عائلية ساعدت الطلاب على استعادة تفاصيل ضاعت.",
            "## لماذا يهم ذلك",
            "- الترميم الذي يبدأ بلا توثيق كثيراً ما يضع مواد جديدة مكان الحجر والخشب الأصليين.\n"
            "- الأرشيف المشترك يتيح للمالكين والحرفيين وهيئات التراث أن يتحدثوا عن المبنى نفسه.\n"
            "- الطلاب المحليون المدرَّبون يستطيعون مواصلة العمل بعد انتهاء أي مشروع أجنبي بزمن طويل.",
            "الملفات ملك لشركائنا في الموصل وتُحفظ فيها. كان دورنا أن نجلب المعدات والخبرة، وأن نتعلم: نغادر ونحن نفهم تقاليد البناء في الموصل أفضل مما كان يمكن لأي كتاب أن يعلمنا.",
        ],
    ),
    # --- Being translated: the first two of four paragraphs are done ------------------------
    DemoTranslation(
        "umm-qasr-dockers", "en", IN_PROGRESS, (30, 4), "ghada.nassif", "",
        "Four dock workers dismissed for their union activity return to work in Umm Qasr",
        "After six months of sit-ins and negotiations, the port management took four union members back and paid their wages for the time they were dismissed.",
        [
            "On Sunday morning four loading and unloading workers returned to the quays of the northern port of Umm Qasr, six months after they were dismissed for taking part in the election of the union's executive board.",
            "The decision came after weekly sit-ins in front of the port gate, a complaint the union filed with the labour court in Basra, and negotiations in which representatives of the labour department took part. The agreement includes paying the wages for the months of dismissal in full, and a written commitment that no worker will be punished for union membership.",
        ],
    ),
    # --- Waiting for a translator ----------------------------------------------------------------
    DemoTranslation("old-mosul-workshop", "en", REQUESTED, (9,)),
    DemoTranslation("haboubi-circle", "en", REQUESTED, (5,)),
    DemoTranslation("rumaila-oil", "it", REQUESTED, (60,)),
    DemoTranslation("geneva-defenders", "ckb", REQUESTED, (25,)),
    DemoTranslation("hadba-newsroom", "kmr", REQUESTED, (14,)),
]
# fmt: on

COVER_PALETTES = {
    "waves": ((14, 76, 117), (56, 160, 150)),
    "arches": ((150, 112, 72), (226, 200, 160)),
    "circles": ((140, 30, 40), (232, 128, 50)),
    "dots": ((15, 95, 110), (70, 130, 60)),
}


def _org_slug(key: str) -> str:
    """The address the network demo gives the organisation with this key."""
    org = next(o for o in ORGANISATIONS if o.key == key)
    return demo_slug(org)


def cover_image(motif: str, seed: int, size: tuple[int, int] = (1200, 630)) -> bytes:
    """A simple abstract picture (a diagonal gradient and light shapes), as PNG bytes."""
    rng = random.Random(seed)
    width, height = size
    start, end = COVER_PALETTES[motif]
    vertical = Image.linear_gradient("L").resize(size)
    horizontal = Image.linear_gradient("L").rotate(90).resize(size)
    mask = Image.blend(vertical, horizontal, 0.5)
    picture = Image.composite(
        Image.new("RGB", size, end), Image.new("RGB", size, start), mask
    ).convert("RGBA")
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    if motif == "waves":
        for row in range(6):
            y0 = height * (row + 2) / 9
            phase, amplitude = rng.uniform(0, math.tau), 12 + 8 * (row % 3)
            points = [
                (x, y0 + amplitude * math.sin(x / 70 + phase)) for x in range(0, width + 20, 20)
            ]
            draw.line(points, fill=(255, 255, 255, 40 + 12 * row), width=6, joint="curve")
    elif motif == "arches":
        span = width // 4
        for i in range(4):
            left = i * span + span // 8
            box = (left, height // 3, left + span * 3 // 4, height // 3 + span * 3 // 4)
            draw.pieslice(box, 180, 360, fill=(255, 248, 235, 70))
            draw.rectangle(
                (box[0], (box[1] + box[3]) // 2, box[2], height), fill=(255, 248, 235, 70)
            )
            draw.pieslice(
                (box[0] + 22, box[1] + 22, box[2] - 22, box[3] - 22),
                180,
                360,
                fill=(60, 40, 25, 90),
            )
            draw.rectangle(
                (box[0] + 22, (box[1] + box[3]) // 2, box[2] - 22, height), fill=(60, 40, 25, 90)
            )
    elif motif == "circles":
        for _ in range(9):
            r = rng.randint(40, 190)
            x, y = rng.randint(0, width), rng.randint(0, height)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 240, 220, rng.randint(25, 70)))
    else:  # dots
        for x in range(60, width, 80):
            for y in range(50, height, 80):
                r = rng.choice((4, 6, 9, 12))
                draw.ellipse(
                    (x - r, y - r, x + r, y + r), fill=(255, 255, 255, rng.randint(50, 150))
                )
    picture = Image.alpha_composite(picture, overlay).convert("RGB")
    out = io.BytesIO()
    picture.save(out, format="PNG", compress_level=1)
    return out.getvalue()


def _pdf_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def demo_pdf(lines: list[str]) -> bytes:
    """A minimal valid one-page PDF (Helvetica, ASCII text), written by hand."""
    stream = (
        "BT /F1 13 Tf 18 TL 56 780 Td "
        + " ".join(f"({_pdf_text(line)}) Tj T*" for line in lines)
        + " ET"
    )
    stream_bytes = stream.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream_bytes) + stream_bytes + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PDF_LINES = [
    "Shatt al-Arab Water Rights Network (fictional demo organisation)",
    "Tap water in Abu al-Khasib and Shatt al-Arab: twelve months of tests",
    "",
    "40 households tested on the first Friday of every month.",
    "Dissolved salts above the drinking-water limit: 8 months of 12.",
    "Signs of sewage contamination: 11 households near corroded pipes.",
    "Share of income spent on drinking water from tankers: about 25%.",
    "",
    "Demo document of the Tadamun platform. All figures are fictional.",
]



def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _sweep_files() -> None:
    """Delete stored covers and attachments no article refers to any more (the articles of
    deleted organisations leave their files behind)."""
    storage = default_storage
    kept = set(Article.objects.exclude(cover="").values_list("cover", flat=True))
    kept |= set(Attachment.objects.values_list("file", flat=True))

    def sweep(folder: str) -> None:
        try:
            folders, files = storage.listdir(folder)
        except (FileNotFoundError, NotImplementedError):
            return
        for name in files:
            path = f"{folder}/{name}"
            if path not in kept:
                storage.delete(path)
        for sub in folders:
            sweep(f"{folder}/{sub}")
            if storage.listdir(f"{folder}/{sub}") == ([], []):
                try:
                    storage.delete(f"{folder}/{sub}")  # an empty folder (a file system storage)
                except OSError:
                    pass

    sweep("covers")
    sweep("attachments")


def load_demo_newsroom(*, stdout=None) -> dict:
    """(Re)write the fictional demo articles; the demo network must be loaded. Returns counts."""
    # As for the network demo: the services' emails are not queued, and anything else meets
    # the dummy task backend.
    with (
        override_settings(TASKS=_SILENT_TASKS),
        mock.patch.object(services, "email_later", _no_email),
        quiet_log("tadamun.newsroom"),
        transaction.atomic(),
    ):
        removed = Article.objects.all().delete()[1].get("newsroom.Article", 0)
        if removed:
            _say(stdout, f"Removed the previous articles: {removed}.")
        _forget_demo_memory()
        result, written = _build()
        result["translations"] = _translate(written)
        result["wire"] = _wire()
        transaction.on_commit(_sweep_files)
    _say(
        stdout,
        f"Demo newsroom loaded: {result['articles']} articles from {result['organisations']} organisations "
        f"({result['published']} published, {result['submitted']} waiting for review, {result['drafts']} drafts "
        f"of which {result['returned']} returned with a comment), {result['covers']} cover images, "
        f"{result['attachments']} attachment.",
    )
    t = result["translations"]
    _say(
        stdout,
        f"Demo translations loaded: {t['translators']} volunteer translators ({t['reviewers']} reviewers), "
        f"{t['published']} reviewed versions, {t['submitted']} waiting for review, {t['in_progress']} "
        f"being translated, {t['requested']} requests waiting for a translator, {t['memory']} paragraphs "
        "in the translation memory.",
    )
    _say(stdout, f"Demo wire: {result['wire']['sources']} sources, {result['wire']['items']} items.")
    return result


# Fictional international sources; their feeds ship with the demo (demo_feeds/) and are
# read from there. They stay paused, so the running platform never calls their
# (non-existent) addresses.
WIRE_SOURCES = [
    ("Nonviolent Peace Delegations", "https://peace-delegations.example.org/feed.xml", "en", "peace-delegations.xml"),
    ("Rete per il Disarmo", "https://rete-disarmo.example.org/atom.xml", "it", "rete-disarmo.xml"),
    ("Water Justice Network", "https://water-justice.example.org/rss.xml", "en", "water-justice.xml"),
]


def _wire() -> dict:
    FeedSource.objects.filter(url__in=[url for _n, url, _l, _f in WIRE_SOURCES]).delete()
    items = 0
    for name, url, language, filename in WIRE_SOURCES:
        source = FeedSource.objects.create(name=name, url=url, language=language, active=False)
        items += services.ingest_feed(source, (DEMO_FEEDS / filename).read_bytes())
    return {"sources": len(WIRE_SOURCES), "items": items}


def _build() -> tuple[dict, dict[str, Article]]:
    """Write the articles; returns the counts and the articles by their organisation's key."""
    rng = random.Random(2026)
    now = timezone.now()
    coordinator = User.objects.filter(email=COORDINATOR_EMAIL).first()
    slugs = {a.org: _org_slug(a.org) for a in ARTICLES}
    organisations = {
        o.slug: o
        for o in Organisation.objects.filter(
            slug__in=slugs.values(), status=Organisation.Status.APPROVED
        )
    }
    missing = sorted(key for key, slug in slugs.items() if slug not in organisations)
    if coordinator is None or missing:
        raise RuntimeError(
            "Load the demo network before the demo newsroom (manage.py demo); missing: "
            + ", ".join(missing or [COORDINATOR_EMAIL])
        )
    writers: dict[int, list[User]] = {}
    memberships = Membership.objects.filter(
        organisation__in=organisations.values(),
        role__in=[Membership.Role.ADMIN, Membership.Role.EDITOR],
    ).select_related("person")
    for membership in sorted(memberships, key=lambda m: (m.role != Membership.Role.EDITOR, m.pk)):
        writers.setdefault(membership.organisation_id, []).append(membership.person)
    pathways = {p.slug: p for p in Pathway.objects.all()}
    governorates = {g.iso_code: g for g in Governorate.objects.all()}

    counts = {PUBLISHED: 0, SUBMITTED: 0, DRAFT: 0, RETURNED: 0}
    covers = attachments = 0
    written: dict[str, Article] = {}
    for index, item in enumerate(ARTICLES):
        organisation = organisations[slugs[item.org]]
        people = writers[organisation.pk]
        author = people[index % len(people)]
        draft = services.ArticleDraft(
            title=item.title,
            body=item.body,
            kind=item.kind,
            original_language=item.language,
            summary=item.summary,
            pathways=[pathways[slug] for slug in item.pathways],
            governorates=[governorates[code] for code in item.governorates],
            cover_alt=item.cover_alt,
        )
        article = services.write_article(by=author, organisation=organisation, draft=draft)
        if item.cover:
            upload = SimpleUploadedFile(
                "cover.png", cover_image(item.cover, index), content_type="image/png"
            )
            services.set_cover(by=author, article=article, upload=upload)
            covers += 1
        if item.pdf:
            upload = SimpleUploadedFile(
                "data.pdf", demo_pdf(PDF_LINES), content_type="application/pdf"
            )
            services.attach_pdf(by=author, article=article, upload=upload, title=item.pdf)
            attachments += 1
        if item.state != DRAFT:
            article = services.submit_article(by=author, article=article)
        if item.state == PUBLISHED and article.status == Article.Status.SUBMITTED:
            article = services.publish_article(by=coordinator, article=article)
        elif item.state == RETURNED:
            article = services.return_article(by=coordinator, article=article, comment=item.comment)
        counts[item.state] += 1
        _backdate(article, item, now, rng)
        written.setdefault(item.org, article)

    result = {
        "articles": len(ARTICLES),
        "published": counts[PUBLISHED],
        "submitted": counts[SUBMITTED],
        "drafts": counts[DRAFT] + counts[RETURNED],
        "returned": counts[RETURNED],
        "organisations": len(organisations),
        "languages": sorted({a.language for a in ARTICLES}),
        "covers": covers,
        "attachments": attachments,
    }
    return result, written


def _backdate(article: Article, item: DemoArticle, now, rng: random.Random) -> None:
    """Spread the dates, so that the newsroom is not all written on one day."""
    moment = now - timedelta(
        days=item.days_ago, hours=rng.randint(0, 10), minutes=rng.randint(0, 59)
    )
    if item.state == PUBLISHED:
        trusted = article.organisation.is_trusted
        submitted = moment - timedelta(hours=0 if trusted else rng.randint(3, 40))
        Article.objects.filter(pk=article.pk).update(
            published_at=moment,
            submitted_at=submitted,
            created_at=submitted - timedelta(days=rng.randint(1, 5), hours=rng.randint(0, 12)),
            updated_at=moment,
        )
    elif item.state == SUBMITTED:
        Article.objects.filter(pk=article.pk).update(
            submitted_at=moment,
            created_at=moment - timedelta(days=rng.randint(1, 3)),
            updated_at=moment,
        )
    elif item.state == RETURNED:
        Article.objects.filter(pk=article.pk).update(
            submitted_at=moment,
            created_at=moment - timedelta(days=rng.randint(2, 6)),
            updated_at=min(now, moment + timedelta(days=1, hours=rng.randint(0, 6))),
        )
    else:
        Article.objects.filter(pk=article.pk).update(
            created_at=moment, updated_at=min(now, moment + timedelta(hours=rng.randint(1, 30)))
        )


def _forget_demo_memory() -> None:
    """The translation memory outlives deleted articles (its rows only lose their version):
    forget what earlier loads of the demo put there, so that reloading does not pile it up."""
    keys = {
        services.memory_key(paragraph)
        for item in ARTICLES
        for paragraph in markdown.paragraphs(item.body)
    }
    Memory.objects.filter(version__isnull=True, source_key__in=keys).delete()


def _translators() -> dict[str, User]:
    """The demo's volunteer translators, created (or put back as the demo has them), with a
    verified address and the password of every demo account."""
    password_hash = make_password(DEMO_PASSWORD)
    people: dict[str, User] = {}
    for item in TRANSLATORS:
        person, _created = User.objects.update_or_create(
            email=f"{item.local}@{DEMO_DOMAIN}",
            defaults={
                "display_name": item.name,
                "language": item.language,
                "password": password_hash,
                "is_active": True,
            },
        )
        EmailAddress.objects.update_or_create(
            user=person, email=person.email, defaults={"verified": True, "primary": True}
        )
        services.volunteer(by=person, pairs=item.pairs)
        # Coordinators make reviewers in the administration; the demo writes the rows itself.
        Translator.objects.filter(person=person).update(reviews=False)
        if item.reviews:
            Translator.objects.filter(person=person, target_language=item.reviews).update(
                reviews=True
            )
        people[item.local] = person
    return people


def _translate(written: dict[str, Article]) -> dict:
    """Take the demo translations through the workflow's services: requested by the article's
    author, claimed, saved paragraph by paragraph, submitted, approved by a reviewer."""
    now = timezone.now()
    people = _translators()
    counts = {PUBLISHED: 0, SUBMITTED: 0, IN_PROGRESS: 0, REQUESTED: 0}
    for item in TRANSLATIONS:
        article = written[item.org]
        (version,) = services.request_translations(
            by=article.author, article=article, languages=[item.language]
        )
        if item.state != REQUESTED:
            expected = len(markdown.paragraphs(article.body))
            if item.state != IN_PROGRESS and len(item.paragraphs) != expected:
                raise RuntimeError(
                    f"The demo translation of {item.org!r} into {item.language} has "
                    f"{len(item.paragraphs)} paragraphs; the original has {expected}."
                )
            translator = people[item.translator]
            version = services.claim_translation(by=translator, version=version)
            version = services.save_translation(
                by=translator,
                version=version,
                title=item.title,
                summary=item.summary,
                paragraphs=item.paragraphs,
            )
            if item.state in (SUBMITTED, PUBLISHED):
                version = services.submit_translation(by=translator, version=version)
            if item.state == PUBLISHED:
                version = services.approve_translation(by=people[item.reviewer], version=version)
        counts[item.state] += 1
        _backdate_version(version, item, now)
    return {
        "translators": len(TRANSLATORS),
        "reviewers": sum(1 for t in TRANSLATORS if t.reviews),
        "published": counts[PUBLISHED],
        "submitted": counts[SUBMITTED],
        "in_progress": counts[IN_PROGRESS],
        "requested": counts[REQUESTED],
        "memory": Memory.objects.filter(version__article__in=written.values()).count(),
        "languages": sorted({t.language for t in TRANSLATIONS}),
    }


def _backdate_version(version: Version, item: DemoTranslation, now) -> None:
    """Requested, claimed, submitted and approved on the demo's days, after the article."""
    moments = [now - timedelta(days=days, hours=2 + step) for step, days in enumerate(item.days)]
    stamps = ["created_at", "claimed_at", "submitted_at", "published_at"]
    fields = dict(zip(stamps, moments, strict=False))
    Version.objects.filter(pk=version.pk).update(**fields, updated_at=moments[-1])
    if "published_at" in fields:
        Memory.objects.filter(version=version).update(created_at=fields["published_at"])
